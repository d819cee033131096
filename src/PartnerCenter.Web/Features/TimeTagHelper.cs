using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PartnerCenter.Web.Features;

/// <summary>
/// Writes the machine-readable instant of <c>&lt;time datetime="@instant"&gt;</c> in the one form HTML
/// accepts for every instant we store: UTC to the second, <c>2026-12-16T13:58:04Z</c>. The round-trip
/// format ("O") carries seven fractional digits, which HTML refuses (at most three). Only the
/// attribute: the text between the tags is what the reader sees and the view decides it.
/// </summary>
[HtmlTargetElement("time", Attributes = "datetime")]
public sealed class TimeTagHelper : TagHelper
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>A <see cref="System.DateTime"/> (stored times are UTC), a <see cref="DateTimeOffset"/> or a <see cref="DateOnly"/>.</summary>
    [HtmlAttributeName("datetime")]
    public object? DateTime { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var value = DateTime switch
        {
            System.DateTime { Kind: DateTimeKind.Local } local => local.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture),
            System.DateTime utc => utc.ToString(Format, CultureInfo.InvariantCulture),
            DateTimeOffset instant => instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture),
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            null => null,
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        };
        output.Attributes.SetAttribute("datetime", value);
    }
}
