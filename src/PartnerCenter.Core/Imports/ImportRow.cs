namespace PartnerCenter.Core.Imports;

/// <summary>What happens (dry run) or happened (import) to one row.</summary>
public enum ImportOutcome
{
    /// <summary>Preregistered (valid 15 days).</summary>
    Preregistered = 1,
    /// <summary>Needs a manual review; submitted for it when the partner chose so.</summary>
    Review = 2,
    /// <summary>Needs a manual review, and the partner chose not to submit such rows.</summary>
    ReviewNotSubmitted = 3,
    /// <summary>A rule refuses the customer (the causes are in the message).</summary>
    Refused = 4,
    /// <summary>A field is missing or malformed.</summary>
    Invalid = 5,
    /// <summary>The same email address is on an earlier row of the file.</summary>
    Duplicate = 6,
    /// <summary>Beyond the partner's remaining slots under the cap of 100 open preregistrations.</summary>
    OverCap = 7,
}

/// <summary>One data row of an uploaded file, as the partner wrote it, with its planned and final outcome.</summary>
public class ImportRow
{
    public const int CellMaxLength = 254;

    private ImportRow()
    {
    }

    public Guid BatchId { get; private set; }

    /// <summary>1 for the first row under the header.</summary>
    public int Number { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Mobile { get; private set; } = "";
    public string SendInvitationText { get; private set; } = "";
    public bool SendInvitation { get; private set; }

    public ImportOutcome Planned { get; private set; }
    public string PlannedMessage { get; private set; } = "";

    /// <summary>The column a <see cref="ImportOutcome.Invalid"/> row is wrong in.</summary>
    public string? Field { get; private set; }

    public ImportOutcome? Final { get; private set; }
    public string? FinalMessage { get; private set; }
    public Guid? PreregistrationId { get; private set; }

    public bool IsApplied => Final is not null;

    /// <summary>Whether the import submits this row (the others keep their planned outcome as final).</summary>
    public bool IsSubmitted => Planned is ImportOutcome.Preregistered or ImportOutcome.Review or ImportOutcome.Refused or ImportOutcome.OverCap;

    public static ImportRow Read(int number, string name, string email, string mobile, string sendInvitation) => new()
    {
        Number = number,
        Name = Cell(name),
        Email = Cell(email),
        Mobile = Cell(mobile),
        SendInvitationText = Cell(sendInvitation),
    };

    /// <summary>
    /// A cell as stored: without the apostrophe our own files put before a cell that starts like a formula (so a result
    /// file or the template's example row reads back as written), and cut to the longest value any column allows.
    /// </summary>
    private static string Cell(string value)
    {
        if (value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@')
        {
            value = value[1..];
        }

        return value.Length > CellMaxLength ? value[..CellMaxLength] : value;
    }

    /// <summary>The input check of the single-submission form refused a cell: the row is shown with that field and message.</summary>
    public void Invalid(string field, string message) => PlanAs(ImportOutcome.Invalid, message, field);

    internal void PlanAs(ImportOutcome outcome, string message, string? field = null)
    {
        Planned = outcome;
        PlannedMessage = message;
        Field = field;
    }

    internal void SetSendInvitation(bool value) => SendInvitation = value;

    internal void Finish(ImportOutcome outcome, string message, Guid? preregistrationId = null)
    {
        Final = outcome;
        FinalMessage = message;
        PreregistrationId = preregistrationId;
    }
}
