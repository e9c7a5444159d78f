package io.bcsync.sim.salesforce;

import io.bcsync.sim.salesforce.auth.SessionRegistry;
import io.bcsync.sim.salesforce.auth.UserDirectory;
import io.bcsync.sim.salesforce.control.ApiUsage;
import io.bcsync.sim.salesforce.control.ChangeLog;
import io.bcsync.sim.salesforce.control.FaultInjector;
import io.bcsync.sim.salesforce.data.DmlEngine;
import io.bcsync.sim.salesforce.data.RecordReader;
import io.bcsync.sim.salesforce.data.RecordStore;
import io.bcsync.sim.salesforce.ids.IdGenerator;
import io.bcsync.sim.salesforce.schema.Schema;
import io.bcsync.sim.salesforce.soql.QueryCursors;
import io.bcsync.sim.salesforce.soql.QueryExecutor;
import io.bcsync.sim.salesforce.time.SimClock;
import java.util.function.Supplier;

/** Everything the endpoints share: data, schema, sessions, counters and the simulated clock. */
public record SimulatedOrg(
    OrgSettings settings,
    SimClock clock,
    Schema schema,
    RecordStore store,
    IdGenerator ids,
    DmlEngine dml,
    RecordReader reader,
    QueryExecutor queries,
    QueryCursors cursors,
    UserDirectory users,
    SessionRegistry sessions,
    ApiUsage usage,
    FaultInjector faults,
    ChangeLog changes,
    Supplier<String> baseUrl) {}
