using PartnerCenter.Core.Common;

namespace PartnerCenter.Core.Imports;

public static class ImportOutcomes
{
    /// <summary>The outcome's label on the dry run (what would happen) or after the import (what happened).</summary>
    public static string Label(this ImportOutcome outcome, bool planned) => Phrase.Translate(outcome switch
    {
        ImportOutcome.Preregistered => planned ? "Would be preregistered" : "Preregistered",
        ImportOutcome.Review => planned ? "Would need manual review" : "Submitted for manual review",
        ImportOutcome.ReviewNotSubmitted => "Needs manual review, not submitted",
        ImportOutcome.Refused => "Refused",
        ImportOutcome.Invalid => "Invalid input",
        ImportOutcome.Duplicate => "Duplicate within the file",
        ImportOutcome.OverCap => "Over the cap",
        _ => outcome.ToString(),
    });

    /// <summary>The badge colour of the outcome: saved, waiting, or nothing saved.</summary>
    public static string Tone(this ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Preregistered => "success",
        ImportOutcome.Review => "warning",
        _ => "secondary",
    };

    /// <summary>How a Send invitation link cell reads: Yes or No (any case); empty is No.</summary>
    public static bool? ParseYesNo(string cell) => cell.Trim().ToUpperInvariant() switch
    {
        "" or "NO" or "N" => false,
        "YES" or "Y" => true,
        _ => null,
    };
}
