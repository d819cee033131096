using PartnerCenter.Core.Common;
using PartnerCenter.Core.Imports;
using PartnerCenter.Core.Preregistrations;

namespace PartnerCenter.Web.Features.Spreadsheets;

public static class SpreadsheetsFeature
{
    /// <summary>Customer Development's Import (dry run, import, result file) and Export (<see cref="ListExport"/>, shared with Customers).</summary>
    public static IServiceCollection AddSpreadsheets(this IServiceCollection services) => services.AddUseCases(
        typeof(PlanImport),
        typeof(ApplyImport),
        typeof(ImportQueries),
        typeof(ListExport),
        typeof(ExportPreregistrations));
}
