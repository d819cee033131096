namespace PartnerCenter.Core.Common;

/// <summary>
/// The one home of the rules for a person's full name (a customer's, as a partner enters it or as the
/// customer registers): required, at most <see cref="MaxLength"/> characters once trimmed, any script,
/// no control characters and no bidirectional control characters, which could make a name read
/// differently from what is stored (U+202A-U+202E embeddings and overrides, U+2066-U+2069 isolates).
/// </summary>
public static class PersonName
{
    public const int MaxLength = 64;

    /// <summary>Read in the current UI culture, like <see cref="Problem"/>'s other messages.</summary>
    public static string TooLong => new Phrase("The full name can have at most {0} characters.", MaxLength).ToString();
    public const string ControlCharacters = "The full name cannot contain control characters.";
    public const string BidiControls = "The full name cannot contain text direction control characters (U+202A to U+202E, U+2066 to U+2069).";

    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    public static bool HasControlCharacters(string name) => name.Any(char.IsControl);

    public static bool HasBidiControls(string name) => name.Any(IsBidiControl);

    /// <summary>The first rule <paramref name="name"/> breaks, as the message a user reads; null when it is a valid name.</summary>
    public static string? Problem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? Phrase.Translate("Enter the full name.")
        : name.Trim().Length > MaxLength ? TooLong
        : HasControlCharacters(name) ? Phrase.Translate(ControlCharacters)
        : HasBidiControls(name) ? Phrase.Translate(BidiControls)
        : null;
}
