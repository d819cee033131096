using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Imports;

public enum ImportStatus
{
    /// <summary>Dry run shown; nothing applied yet.</summary>
    Planned = 1,
    /// <summary>Rows are being applied (or were, until the process stopped: see <see cref="ImportBatch.IsInterrupted"/>).</summary>
    Importing = 2,
    /// <summary>Every row has its final outcome.</summary>
    Completed = 3,
}

/// <summary>
/// One uploaded spreadsheet of a partner (docs/domain.md, "Importing a spreadsheet"): its rows with the dry run's
/// outcome, then each row's final outcome as it is applied. A row's final outcome is saved in the same transaction
/// as its submission, so an import resumed after a crash never applies a row twice.
/// </summary>
public class ImportBatch
{
    public const int MaxRows = 1000;
    public const int MaxBytes = 1024 * 1024;
    public const int FileNameMaxLength = 255;

    /// <summary>How long a running import holds the batch; a batch still Importing after it was left is interrupted.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Uploaded files are personal data: kept this long for their result page, then purged.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private ImportBatch()
    {
    }

    public Guid Id { get; private set; }
    public int PartnerId { get; private set; }
    public string UserId { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public ImportStatus Status { get; private set; }

    /// <summary>The partner's choice on the dry run page: rows offered a manual review are submitted for it.</summary>
    public bool SubmitReviews { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public DateTime? LeaseUntil { get; private set; }
    public int Version { get; private set; }
    public List<ImportRow> Rows { get; private set; } = [];

    public static ImportBatch Plan(int partnerId, string userId, string fileName, IEnumerable<ImportRow> rows, DateTime now)
    {
        var name = Path.GetFileName(fileName.Trim());
        return new ImportBatch
        {
            Id = Guid.CreateVersion7(),
            PartnerId = partnerId,
            UserId = userId,
            FileName = name.Length > FileNameMaxLength ? name[..FileNameMaxLength] : name,
            CreatedAt = now,
            Status = ImportStatus.Planned,
            Rows = [.. rows],
        };
    }

    /// <summary>Import after the dry run: once; a second click finds it started.</summary>
    public Error? Start(bool submitReviews, DateTime now)
    {
        if (Status != ImportStatus.Planned)
        {
            return ImportErrors.AlreadyStarted;
        }

        Status = ImportStatus.Importing;
        SubmitReviews = submitReviews;
        StartedAt = now;
        LeaseUntil = now + Lease;
        Version++;
        return null;
    }

    /// <summary>Take (or renew) the batch to apply its remaining rows; refused while another request is applying them.</summary>
    public Error? Take(DateTime now, bool renewing)
    {
        if (Status != ImportStatus.Importing)
        {
            return ImportErrors.NotImporting;
        }

        if (!renewing && LeaseUntil > now)
        {
            return ImportErrors.Running;
        }

        LeaseUntil = now + Lease;
        Version++;
        return null;
    }

    public void Complete(DateTime now)
    {
        Status = ImportStatus.Completed;
        CompletedAt = now;
        LeaseUntil = null;
        Version++;
    }

    /// <summary>Importing, but nobody has worked on it for a lease: the process stopped part-way.</summary>
    public bool IsInterrupted(DateTime now) => Status == ImportStatus.Importing && LeaseUntil <= now;
}
