# bcsync middleware image. Untested here: no container daemon or image registry is reachable from this project's
# build machines, so this file is checked only offline (DeploymentFilesTest: port, health check, JVM options).
#
# Build the jar first, then the image, from the repository root:
#   mvn -B -ntp -pl middleware -am package -DskipTests
#   docker build -t bcsync:dev .
FROM eclipse-temurin:17-jre

# A fixed non-root user: the service never needs root, and a fixed uid lets Kubernetes' runAsNonRoot check it.
RUN groupadd --system --gid 10001 bcsync \
 && useradd --system --uid 10001 --gid bcsync --home-dir /app --shell /usr/sbin/nologin bcsync \
 && mkdir -p /app/data \
 && chown -R bcsync:bcsync /app

WORKDIR /app
# The shaded jar the micronaut-maven-plugin builds (not original-*.jar, which lacks the dependencies).
COPY --chown=bcsync:bcsync middleware/target/bcsync-middleware-*.jar /app/bcsync.jar
# JVM flags as a java @argfile, shared with the memory work (scripts/lib/jvm-options; docs/operations.md).
COPY --chown=bcsync:bcsync scripts/lib/jvm-options /app/jvm-options
# The environment of scripts/lib/jvm-environment (what scripts/run and the benchmarks use): at most 2 glibc malloc
# arenas, which keeps the resident size down (docs/operations.md, "Sizing").
ENV MALLOC_ARENA_MAX=2

USER 10001:10001
EXPOSE 8080

# Configuration comes from environment variables (BCSYNC_ADMIN_TOKEN, DATASOURCES_DEFAULT_URL, ...) and/or a YAML file
# named by MICRONAUT_CONFIG_FILES (README.md, "Configuration"). Without a database URL the service uses an embedded
# H2 file under /app/data: mount a volume there, or (for several instances) point it at MySQL/MariaDB.

# /health answers 200 {"status":"UP"} to anyone, 503 while the database is down or the instance is shutting down.
# Checked with bash's /dev/tcp, so it does not depend on curl or wget being in the base image.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

# exec form: java is PID 1 and receives SIGTERM itself, which starts the graceful shutdown (docs/operations.md).
ENTRYPOINT ["java", "@/app/jvm-options", "-jar", "/app/bcsync.jar"]
