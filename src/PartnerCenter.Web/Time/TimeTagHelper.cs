using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PartnerCenter.Web.Time;

/// <summary>
/// <c>&lt;time utc="@moment" /&gt;</c>: the moment in the reader's zone with the zone named
/// ("2026-12-16 21:58 (UTC+08:00)"), or with <c>date-only</c> their local date; the datetime attribute
/// carries the UTC instant (whole seconds, valid HTML). A null moment renders nothing.
/// </summary>
[HtmlTargetElement("time", Attributes = "utc")]
public sealed class TimeTagHelper(ReaderTime reader) : TagHelper
{
    public DateTime? Utc { get; set; }

    public bool DateOnly { get; set; }

    public bool Seconds { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Utc is not { } moment)
        {
            output.SuppressOutput();
            return;
        }

        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", ReaderTime.MachineReadable(moment));
        if (DateOnly)
        {
            output.Attributes.SetAttribute("title", reader.Format(moment));
            output.Content.SetContent(reader.FormatDate(moment));
        }
        else
        {
            output.Content.SetContent(reader.Format(moment, Seconds));
        }
    }
}
