using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using MimeKit;
using PartnerCenter.Infrastructure.Mail;

namespace PartnerCenter.Web.Features.Mailbox;

/// <summary>
/// The embedded default's mail folder, readable in the app so a newcomer can follow the whole flow
/// without a mail server. Exists only with the pickup transport in Development; otherwise 404.
/// Open to anonymous visitors on purpose: the demo customer reads their invitation here.
/// </summary>
[AllowAnonymous]
public sealed class MailboxController(IMailTransport transport, IWebHostEnvironment environment) : AppController
{
    private const int MaxListed = 200;

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        if (transport is not PickupFolderTransport || !environment.IsDevelopment())
        {
            context.Result = NotFound();
        }
    }

    [HttpGet]
    public IActionResult Index()
    {
        ViewData["Title"] = T["Mailbox"].Value;
        var folder = Folder;
        var items = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.eml")
                .OrderByDescending(Path.GetFileName, StringComparer.Ordinal)
                .Take(MaxListed)
                .Select(path => Summarize(Path.GetFileNameWithoutExtension(path), MimeMessage.Load(path)))
                .ToList()
            : [];
        return View(items);
    }

    [HttpGet]
    public IActionResult Show(string id)
    {
        if (Load(id) is not { } message)
        {
            return NotFound();
        }

        ViewData["Title"] = message.Subject;
        var links = System.Text.RegularExpressions.Regex.Matches(message.TextBody ?? "", @"https?://\S+")
            .Select(m => m.Value).Distinct().ToList();
        return View(new MailboxMessage(Summarize(id, message), message.From.ToString(), message.TextBody, links));
    }

    /// <summary>The HTML part, for a sandboxed frame on the message page.</summary>
    [HttpGet]
    public IActionResult Html(string id)
    {
        if (Load(id) is not { } message)
        {
            return NotFound();
        }

        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        return Content(message.HtmlBody ?? "", "text/html; charset=utf-8");
    }

    private string Folder => ((PickupFolderTransport)transport).Directory;

    private MimeMessage? Load(string id)
    {
        // Only plain file names from our own listing: no paths.
        if (string.IsNullOrEmpty(id) || id.Length > 200 || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return null;
        }

        var path = Path.Combine(Folder, id + ".eml");
        return System.IO.File.Exists(path) ? MimeMessage.Load(path) : null;
    }

    private static MailboxItem Summarize(string id, MimeMessage message) =>
        new(id, message.Date, message.To.ToString(), message.Subject ?? "");
}
