using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Mail;

namespace PartnerCenter.Web.Mail;

/// <summary>
/// Renders an email's template pair from Views/Emails: <c>{Template}.cshtml</c> (HTML) and
/// <c>{Template}.text.cshtml</c> (plain text). Razor encodes every value, so markup typed into a
/// name shows as text; the text part is decoded back to plain characters afterwards. Everything (subject, HTML,
/// text, dates and numbers) is written in the recipient's <see cref="EmailModel.Language"/>: the culture is set
/// around the render and restored after, so the caller's request keeps its own.
/// </summary>
public sealed class RazorEmailRenderer(IRazorViewEngine viewEngine, ITempDataProvider tempData, IServiceProvider services) : IEmailRenderer
{
    public Task<RenderedEmail> RenderAsync(EmailModel model, CancellationToken ct = default) => Languages.InAsync(model.Language, async () =>
    {
        var html = await RenderViewAsync($"~/Views/Emails/{model.Template}.cshtml", model);
        var text = WebUtility.HtmlDecode(await RenderViewAsync($"~/Views/Emails/{model.Template}.text.cshtml", model));
        return new RenderedEmail(model.Subject, html, text.Trim() + "\n");
    });

    private async Task<string> RenderViewAsync(string path, object model)
    {
        var httpContext = new DefaultHttpContext { RequestServices = services };
        var actionContext = new ActionContext(httpContext, new RouteData(), new ActionDescriptor());
        var view = viewEngine.GetView(null, path, isMainPage: true).View
                   ?? throw new InvalidOperationException($"Email template {path} is missing.");
        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var context = new ViewContext(actionContext, view, viewData, new TempDataDictionary(httpContext, tempData), writer, new HtmlHelperOptions());
        await view.RenderAsync(context);
        return writer.ToString();
    }
}
