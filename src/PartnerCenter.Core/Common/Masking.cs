using System.Globalization;

namespace PartnerCenter.Core.Common;

/// <summary>Personal data is shown masked unless a user explicitly reveals it (docs/domain.md, privacy).</summary>
public static class Masking
{
    /// <summary><c>John Doe</c> becomes <c>J*** D***</c>.</summary>
    public static string Name(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => string.Concat(StringInfo.GetNextTextElement(part), "***")));

    /// <summary><c>john@example.com</c> becomes <c>j***@example.com</c>.</summary>
    public static string Email(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }

    /// <summary><c>+49 1512 3456789</c> becomes <c>+49 *** *** 89</c>: country code and the last two digits.</summary>
    public static string Mobile(string e164)
    {
        var display = MobileNumber.Display(e164);
        var space = display.IndexOf(' ', StringComparison.Ordinal);
        var country = space > 0 ? display[..space] : display[..Math.Min(3, display.Length)];
        return $"{country} *** *** {e164[^2..]}";
    }
}
