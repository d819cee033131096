using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Customers;
using PartnerCenter.Web.Features.Spreadsheets;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Customers;

/// <summary>Customer Management: the partner's associated customers, budgets, freezing and adjustment records.</summary>
public sealed class CustomersController(
    CustomerQueries customers, SetBudget setBudget, FreezeCustomer freezeCustomer,
    ConsentDisassociation consent, DeclineDisassociation decline, ExportCustomers export, TimeProvider clock) : CustomerDevelopmentStaffController
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery] CustomerListQuery query)
    {
        ViewData["Title"] = T["Customers"].Value;
        var ct = HttpContext.RequestAborted;
        ViewData["ResetStatement"] = await customers.ResetStatementAsync(User.PartnerId(), ct);
        var page = await customers.PageAsync(User.PartnerId(), query.ToRequest(), ct);
        var requests = await customers.PendingRequestsAsync(User.PartnerId(), ct);
        return View(new CustomersPageModel { Page = page, Query = query, Requests = requests });
    }

    /// <summary>Export (partner admins): the list as the page shows it (search, filters, sort; every page), masked, as CSV.</summary>
    [HttpGet]
    [Authorize(Policy = Policies.PartnerAdmin)]
    public async Task<IActionResult> Export([FromQuery] CustomerListQuery query)
    {
        var file = await export.ExecuteAsync(User.UserId(), User.PartnerId(), query.ToRequest(), HttpContext.RequestAborted);
        return CsvFiles.Download($"customers-{clock.UtcNow():yyyy-MM-dd}.csv", file);
    }

    /// <summary>The partner consents to a customer's request to end the association (the page asked to confirm).</summary>
    [HttpPost]
    public async Task<IActionResult> ConsentEnd(Guid id)
    {
        var request = await customers.PendingRequestAsync(User.PartnerId(), id, HttpContext.RequestAborted);
        var result = await consent.ExecuteAsync(User.UserId(), User.PartnerId(), id, HttpContext.RequestAborted);
        return await BackToListAsync(result, nameof(Index),
            _ => request is null
                ? T["The association with the customer has ended. Both sides were emailed."]
                : T["The association with {0} has ended. Both sides were emailed.", Masking.Name(request.CustomerName)]);
    }

    [HttpGet]
    public async Task<IActionResult> DeclineEnd(Guid id)
    {
        var request = await customers.PendingRequestAsync(User.PartnerId(), id, HttpContext.RequestAborted);
        return request is null ? NotFound() : DeclineView(new DeclineEndModel { Id = id }, request);
    }

    [HttpPost]
    public async Task<IActionResult> DeclineEnd(DeclineEndModel model)
    {
        var request = await customers.PendingRequestAsync(User.PartnerId(), model.Id, HttpContext.RequestAborted);
        if (request is null)
        {
            // Another partner's request reads as not found; one answered a moment ago is told.
            if (!await customers.IsOwnRequestAsync(User.PartnerId(), model.Id, HttpContext.RequestAborted))
            {
                return NotFound();
            }

            Failure(DisassociationRequest.NotPending.Message);
            return RedirectToAction(nameof(Index));
        }

        if (!await ValidateAsync(model))
        {
            return DeclineView(model, request);
        }

        var result = await decline.ExecuteAsync(User.UserId(), User.PartnerId(), model.Id, model.Reason!, HttpContext.RequestAborted);
        return await OutcomeAsync(result, _ =>
        {
            Success(T["You declined the request of {0}. The customer was emailed your reason.", Masking.Name(request.CustomerName)]);
            return RedirectToAction(nameof(Index));
        }, () => RedirectToAction(nameof(Index)), () => DeclineView(model, request));
    }

    private ViewResult DeclineView(DeclineEndModel model, DisassociationRow request)
    {
        ViewData["Title"] = T["Decline the request"].Value;
        ViewData["Request"] = request;
        return View("DeclineEnd", model);
    }

    /// <summary>The Set Budget form for one or several selected customers.</summary>
    [HttpPost]
    public async Task<IActionResult> Budget([FromForm] List<int> ids)
    {
        var mine = await customers.ListAsync(User.PartnerId(), HttpContext.RequestAborted, ids);
        if (mine.Count == 0)
        {
            if (ids.Count > 0)
            {
                return NotFound();
            }

            Failure(T["Select at least one customer."]);
            return RedirectToAction(nameof(Index));
        }

        return await BudgetViewAsync(new SetBudgetModel { Ids = mine.Select(c => c.Id).ToList() }, mine);
    }

    [HttpPost]
    public async Task<IActionResult> SetBudget(SetBudgetModel model)
    {
        var mine = await customers.ListAsync(User.PartnerId(), HttpContext.RequestAborted, model.Ids);
        if (mine.Count == 0)
        {
            return NotFound();
        }

        if (!await ValidateAsync(model))
        {
            return await BudgetViewAsync(model, mine);
        }

        var setting = new BudgetSetting(model.Type!.Value, model.Amount!.Value, model.OnExhaustion, model.UnfreezeNow);
        var result = await setBudget.ExecuteAsync(User.UserId(), User.PartnerId(), model.Ids, setting, HttpContext.RequestAborted);
        return await OutcomeAsync(result, count =>
        {
            Success(count == 1 ? T["Budget saved."] : T["Budget saved for {0} customers.", count]);
            return RedirectToAction(nameof(Index));
        }, () => RedirectToAction(nameof(Index)), () => BudgetViewAsync(model, mine));
    }

    [HttpGet]
    public async Task<IActionResult> Freeze(int id)
    {
        var customer = (await customers.ListAsync(User.PartnerId(), HttpContext.RequestAborted, [id])).FirstOrDefault();
        return customer is null ? NotFound() : FreezeView(new FreezeModel { Id = id }, customer);
    }

    [HttpPost]
    public async Task<IActionResult> Freeze(FreezeModel model)
    {
        var customer = (await customers.ListAsync(User.PartnerId(), HttpContext.RequestAborted, [model.Id])).FirstOrDefault();
        if (customer is null)
        {
            return NotFound();
        }

        if (!await ValidateAsync(model))
        {
            return FreezeView(model, customer);
        }

        var freeze = model.Freeze;
        var result = await freezeCustomer.ExecuteAsync(User.UserId(), User.PartnerId(), model.Id, freeze, model.Reason!, HttpContext.RequestAborted);
        return await OutcomeAsync(result, _ =>
        {
            Success(freeze ? T["{0} is frozen.", Masking.Name(customer.Name)] : T["{0} is unfrozen.", Masking.Name(customer.Name)]);
            return RedirectToAction(nameof(Index));
        }, () => RedirectToAction(nameof(Index)), () => FreezeView(model, customer));
    }

    [HttpGet]
    public async Task<IActionResult> Adjustments(int id)
    {
        var result = await customers.AdjustmentsAsync(User.PartnerId(), id, HttpContext.RequestAborted);
        return await OutcomeAsync(result, adjustments =>
        {
            ViewData["Title"] = T["Adjustment records"].Value;
            return View(adjustments);
        }, () => RedirectToAction(nameof(Index)));
    }

    private async Task<IActionResult> BudgetViewAsync(SetBudgetModel model, List<CustomerRow> selected)
    {
        ViewData["Title"] = T["Set Budget"].Value;
        ViewData["ResetStatement"] = await customers.ResetStatementAsync(User.PartnerId(), HttpContext.RequestAborted);
        return View("SetBudget", new SetBudgetPage { Form = model, Customers = selected });
    }

    private ViewResult FreezeView(FreezeModel model, CustomerRow customer)
    {
        ViewData["Title"] = (customer.IsFrozen ? T["Unfreeze"] : T["Freeze"]).Value;
        return View("Freeze", new FreezePage { Form = model, Customer = customer });
    }
}
