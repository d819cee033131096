namespace PartnerCenter.Web.Mail;

/// <summary>
/// The texts of every email template (HTML and text parts share them), in <c>Resources/Mail/EmailText.resx</c> and its
/// translations; templates read them through <c>@T["..."]</c> (Views/Emails/_ViewImports.cshtml).
/// </summary>
public sealed class EmailText;
