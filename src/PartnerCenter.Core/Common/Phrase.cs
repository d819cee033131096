using System.Globalization;
using System.Resources;

namespace PartnerCenter.Core.Common;

/// <summary>
/// A text the domain says to a person, translated when it is read: an English template (the resource key in
/// <c>Resources/DomainText.resx</c>, its translations in <c>DomainText.&lt;culture&gt;.resx</c>) and its
/// arguments, formatted in <see cref="CultureInfo.CurrentUICulture"/>. So an error made in one request and
/// a status shown in an email rendered in the recipient's culture both read in the reader's language.
/// An argument that is itself a <see cref="Phrase"/> is translated too.
/// </summary>
public sealed class Phrase : IEquatable<Phrase>
{
    private static readonly ResourceManager Resources = new("PartnerCenter.Core.Resources.DomainText", typeof(Phrase).Assembly);

    private readonly object?[] args;
    private readonly string? separator;

    public Phrase(string template, params object?[] args)
    {
        Template = template;
        this.args = args;
    }

    private Phrase(string separator, IEnumerable<Phrase> parts)
    {
        Template = "";
        this.separator = separator;
        args = [.. parts];
    }

    /// <summary>The English template: the resource key, and what the text reads when no translation exists.</summary>
    public string Template { get; }

    /// <summary>A text that is not translated (user input, a library's message already in the reader's language).</summary>
    public static Phrase Verbatim(string text) => new("{0}", text);

    /// <summary>Several phrases read one after the other, each in the reader's language (the separator too: ", " is "、" in Chinese).</summary>
    public static Phrase Join(string separator, IEnumerable<Phrase> parts) => new(separator, parts);

    /// <summary>A plain English text is its own template.</summary>
    public static implicit operator Phrase(string template) => new(template);

    /// <summary>The translation of one English text in the current UI culture (the text itself when none exists).</summary>
    public static string Translate(string english) =>
        english.Length == 0 ? english : Resources.GetString(english, CultureInfo.CurrentUICulture) ?? english;

    /// <summary>The text in the current UI culture.</summary>
    public override string ToString()
    {
        if (separator is not null)
        {
            return string.Join(Translate(separator), args.Select(a => a?.ToString()));
        }

        var template = Translate(Template);
        return args.Length == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, args.Select(a => a is Phrase p ? p.ToString() : a).ToArray());
    }

    public bool Equals(Phrase? other) =>
        other is not null && Template == other.Template && separator == other.separator && args.SequenceEqual(other.args);

    public override bool Equals(object? obj) => Equals(obj as Phrase);

    public override int GetHashCode() => HashCode.Combine(Template, separator, args.Length);
}
