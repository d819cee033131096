using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Imports;

public static class ImportErrors
{
    public static readonly Error AlreadyStarted = Error.Conflict("import_started", "This import has already started. Its result is below.");
    public static readonly Error NotImporting = Error.Conflict("import_not_running", "This import is not running.");
    public static readonly Error Running = Error.Conflict("import_running", "This import is running. Reload the page in a moment to see how far it got.");
    public static readonly Error NoRows = new("import_empty", "The file has a header row but no customers under it.");
    public static readonly Error TooManyRows = new("import_too_many_rows", new Phrase("The file has more than {0:N0} customers. Split it into smaller files.", ImportBatch.MaxRows));
}
