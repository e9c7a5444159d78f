/**
 * Every Custom Label the panel shows, keyed by API name. A module of its own so Jest can replace it with the
 * English values from CustomLabels.labels-meta.xml.
 */
import BC_OH_Col_Date from '@salesforce/label/c.BC_OH_Col_Date';
import BC_OH_Col_Expand from '@salesforce/label/c.BC_OH_Col_Expand';
import BC_OH_Col_Line_Total from '@salesforce/label/c.BC_OH_Col_Line_Total';
import BC_OH_Col_Order from '@salesforce/label/c.BC_OH_Col_Order';
import BC_OH_Col_Product from '@salesforce/label/c.BC_OH_Col_Product';
import BC_OH_Col_Quantity from '@salesforce/label/c.BC_OH_Col_Quantity';
import BC_OH_Col_Sku from '@salesforce/label/c.BC_OH_Col_Sku';
import BC_OH_Col_Status from '@salesforce/label/c.BC_OH_Col_Status';
import BC_OH_Col_Total from '@salesforce/label/c.BC_OH_Col_Total';
import BC_OH_Col_Unit_Price from '@salesforce/label/c.BC_OH_Col_Unit_Price';
import BC_OH_Col_Units from '@salesforce/label/c.BC_OH_Col_Units';
import BC_OH_Empty from '@salesforce/label/c.BC_OH_Empty';
import BC_OH_Hide_Lines from '@salesforce/label/c.BC_OH_Hide_Lines';
import BC_OH_Last_Order_Date from '@salesforce/label/c.BC_OH_Last_Order_Date';
import BC_OH_Last_Sync from '@salesforce/label/c.BC_OH_Last_Sync';
import BC_OH_Lifetime_Revenue from '@salesforce/label/c.BC_OH_Lifetime_Revenue';
import BC_OH_Lines_Caption from '@salesforce/label/c.BC_OH_Lines_Caption';
import BC_OH_Load_Error from '@salesforce/label/c.BC_OH_Load_Error';
import BC_OH_Loading from '@salesforce/label/c.BC_OH_Loading';
import BC_OH_Next from '@salesforce/label/c.BC_OH_Next';
import BC_OH_No_Lines from '@salesforce/label/c.BC_OH_No_Lines';
import BC_OH_Not_Synced from '@salesforce/label/c.BC_OH_Not_Synced';
import BC_OH_Open_Order from '@salesforce/label/c.BC_OH_Open_Order';
import BC_OH_Order_Count from '@salesforce/label/c.BC_OH_Order_Count';
import BC_OH_Orders_Caption from '@salesforce/label/c.BC_OH_Orders_Caption';
import BC_OH_Page_Of from '@salesforce/label/c.BC_OH_Page_Of';
import BC_OH_Pages from '@salesforce/label/c.BC_OH_Pages';
import BC_OH_Previous from '@salesforce/label/c.BC_OH_Previous';
import BC_OH_Refresh from '@salesforce/label/c.BC_OH_Refresh';
import BC_OH_Refresh_Title from '@salesforce/label/c.BC_OH_Refresh_Title';
import BC_OH_Show_Lines from '@salesforce/label/c.BC_OH_Show_Lines';
import BC_OH_Synced_Day from '@salesforce/label/c.BC_OH_Synced_Day';
import BC_OH_Synced_Days from '@salesforce/label/c.BC_OH_Synced_Days';
import BC_OH_Synced_Hour from '@salesforce/label/c.BC_OH_Synced_Hour';
import BC_OH_Synced_Hours from '@salesforce/label/c.BC_OH_Synced_Hours';
import BC_OH_Synced_Minute from '@salesforce/label/c.BC_OH_Synced_Minute';
import BC_OH_Synced_Minutes from '@salesforce/label/c.BC_OH_Synced_Minutes';
import BC_OH_Synced_Now from '@salesforce/label/c.BC_OH_Synced_Now';
import BC_OH_Title from '@salesforce/label/c.BC_OH_Title';
import BC_OH_Unknown_Error from '@salesforce/label/c.BC_OH_Unknown_Error';

export default {
    BC_OH_Col_Date,
    BC_OH_Col_Expand,
    BC_OH_Col_Line_Total,
    BC_OH_Col_Order,
    BC_OH_Col_Product,
    BC_OH_Col_Quantity,
    BC_OH_Col_Sku,
    BC_OH_Col_Status,
    BC_OH_Col_Total,
    BC_OH_Col_Unit_Price,
    BC_OH_Col_Units,
    BC_OH_Empty,
    BC_OH_Hide_Lines,
    BC_OH_Last_Order_Date,
    BC_OH_Last_Sync,
    BC_OH_Lifetime_Revenue,
    BC_OH_Lines_Caption,
    BC_OH_Load_Error,
    BC_OH_Loading,
    BC_OH_Next,
    BC_OH_No_Lines,
    BC_OH_Not_Synced,
    BC_OH_Open_Order,
    BC_OH_Order_Count,
    BC_OH_Orders_Caption,
    BC_OH_Page_Of,
    BC_OH_Pages,
    BC_OH_Previous,
    BC_OH_Refresh,
    BC_OH_Refresh_Title,
    BC_OH_Show_Lines,
    BC_OH_Synced_Day,
    BC_OH_Synced_Days,
    BC_OH_Synced_Hour,
    BC_OH_Synced_Hours,
    BC_OH_Synced_Minute,
    BC_OH_Synced_Minutes,
    BC_OH_Synced_Now,
    BC_OH_Title,
    BC_OH_Unknown_Error
};
