using System.Globalization;

namespace PartnerCenter.Core.Common;

/// <summary>
/// The one home of the languages the portal speaks: pages (the request culture), emails (the recipient's
/// language) and the choices a user or partner makes (profile, invitation). The first is the default.
/// </summary>
public static class Languages
{
    public const string English = "en";
    public const string SimplifiedChinese = "zh-CN";

    /// <summary>Every language a reader may choose, the default first; a third is added here (README, "Languages").</summary>
    public static readonly IReadOnlyList<string> Supported = [English, SimplifiedChinese];

    /// <summary>The longest culture name stored in a language column.</summary>
    public const int NameMaxLength = 16;

    public static readonly Error Unknown = new("unknown_language", "Choose a language from the list.", ErrorKind.Field, "Language");

    /// <summary>A supported language's own name, in its own script: what the switch and the selects show.</summary>
    public static string NativeName(string language) => language switch
    {
        SimplifiedChinese => "简体中文",
        _ => "English",
    };

    /// <summary>The supported culture name matching <paramref name="language"/> (any case), or null.</summary>
    public static string? Find(string? language) =>
        string.IsNullOrWhiteSpace(language) ? null : Supported.FirstOrDefault(l => string.Equals(l, language.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The language to write in: <paramref name="language"/> if supported, else the default.</summary>
    public static string OrDefault(string? language) => Find(language) ?? English;

    /// <summary>Runs <paramref name="work"/> with both the formatting and the text culture set to <paramref name="language"/>, restoring them after.</summary>
    public static async Task<T> InAsync<T>(string? language, Func<Task<T>> work)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var target = CultureInfo.GetCultureInfo(OrDefault(language));
        CultureInfo.CurrentCulture = target;
        CultureInfo.CurrentUICulture = target;
        try
        {
            return await work();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
