using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Customers;
using PartnerCenter.Core.Accounts;
using PartnerCenter.Web.Security;
using PartnerCenter.Web.Time;

namespace PartnerCenter.Web.Features.Partners;

/// <summary>The signed-in customer's view of their partner, and the request to end the association.</summary>
[Authorize(Roles = Roles.Customer)]
public sealed class MyPartnerController(CustomerQueries customers, RequestDisassociation requestEnd, ReaderTime readerTime) : AppController
{
    [HttpGet]
    public Task<IActionResult> Index() => PageAsync(new EndAssociationModel());

    [HttpPost]
    public async Task<IActionResult> End(EndAssociationModel model)
    {
        if (!await ValidateAsync(model))
        {
            return await PageAsync(model);
        }

        var result = await requestEnd.ExecuteAsync(User.UserId(), model.Reason!, HttpContext.RequestAborted);
        return await OutcomeAsync(result, request =>
        {
            Success(T["Your request to end the association was sent. Your partner answers by {0}.", readerTime.Format(request.DueAt)]);
            return RedirectToAction(nameof(Index));
        }, () => RedirectToAction(nameof(Index)), () => PageAsync(model));
    }

    private async Task<IActionResult> PageAsync(EndAssociationModel form)
    {
        ViewData["Title"] = T["My Partner"].Value;
        var ct = HttpContext.RequestAborted;
        var partner = await customers.MyPartnerAsync(User.UserId(), ct);
        if (partner is null)
        {
            return NotFound();
        }

        return View("Index", new MyPartnerPage { Partner = partner, Request = await customers.MyRequestAsync(User.UserId(), ct), Form = form });
    }
}

public sealed class MyPartnerPage
{
    public required MyPartner Partner { get; init; }
    public MyDisassociation? Request { get; init; }
    public required EndAssociationModel Form { get; init; }
}

public sealed class EndAssociationModel
{
    public string? Reason { get; set; }
}

public sealed class EndAssociationValidator : AbstractValidator<EndAssociationModel>
{
    /// <param name="text">The messages in the reader's language (validators are resolved per request, in its culture).</param>
    public EndAssociationValidator(Microsoft.Extensions.Localization.IStringLocalizer<EndAssociationValidator> text) =>
        RuleFor(m => m.Reason).RequiredText(text["Enter a reason."], "reason", DisassociationRequest.ReasonMaxLength)
            .WithMessage(_ => text["The reason can have at most {0} characters.", DisassociationRequest.ReasonMaxLength]);
}
