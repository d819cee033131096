using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Imports;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Web.Features.Preregistrations;
using PartnerCenter.Web.Security;

namespace PartnerCenter.Web.Features.Spreadsheets;

/// <summary>
/// Customer Development &gt; Import (upload, dry run, import, result file) and Export of the list. Served under
/// /CustomerDevelopment like the list; the rules are Core's (<see cref="PlanImport"/>, <see cref="ApplyImport"/>).
/// </summary>
public sealed class SpreadsheetsController(
    PlanImport plan, ApplyImport apply, ImportQueries imports, ExportPreregistrations export, IValidator<PreregisterModel> validator, TimeProvider clock)
    : CustomerDevelopmentController
{
    /// <summary>Larger than the 1 MB a file may have, so a bigger file gets the message, not the server's refusal.</summary>
    private const int UploadLimit = 8 * ImportBatch.MaxBytes;

    [HttpGet]
    public async Task<IActionResult> Import() => await ImportView();

    [HttpPost]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> Import(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", T["Choose a CSV file to upload."]);
            return await ImportView();
        }

        if (file.Length > ImportBatch.MaxBytes)
        {
            ModelState.AddModelError("file", T["The file is larger than 1 MB. Split it into files of at most {0} customers.", ImportBatch.MaxRows.ToString("N0", CultureInfo.CurrentCulture)]);
            return await ImportView();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, HttpContext.RequestAborted);
        var read = CsvFiles.ReadImport(buffer.ToArray());
        if (!read.IsSuccess)
        {
            ModelState.AddModelError("file", FileProblem(read.Error!));
            return await ImportView();
        }

        // Each row meets the input checks of the Preregister form, with the form's messages.
        foreach (var row in read.Value!)
        {
            var check = await validator.ValidateAsync(
                new PreregisterModel { FullName = row.Name, Email = row.Email, Mobile = row.Mobile }, HttpContext.RequestAborted);
            if (check.Errors.FirstOrDefault() is { } failure)
            {
                row.Invalid(ColumnOf(failure.PropertyName), failure.ErrorMessage);
            }
        }

        var planned = await plan.ExecuteAsync(User.UserId(), User.PartnerId(), file.FileName, read.Value!, HttpContext.RequestAborted);
        return await OutcomeAsync(planned, batch => RedirectToAction(nameof(ImportResult), new { id = batch.Id }), () => RedirectToAction(nameof(Import)),
            () => ImportView());
    }

    /// <summary>What is wrong with the file as a whole, in the reader's language (the file's own problems are this page's texts).</summary>
    private string FileProblem(Error error) => error.Code switch
    {
        CsvFiles.EncodingProblem => T["The file is not UTF-8 text. Save it as \"CSV UTF-8\" and upload it again."],
        CsvFiles.ColumnsProblem => T["The first row must be the header {0}. Download the template and copy your rows into it.", string.Join(",", CsvFiles.ImportColumns)],
        CsvFiles.NotCsvProblem => T["The file is not a CSV file. Upload a .csv file with the header row of the template."],
        _ => error.Message,
    };

    private static string ColumnOf(string property) => property switch
    {
        nameof(PreregisterModel.FullName) => CsvFiles.ImportColumns[0],
        nameof(PreregisterModel.Email) => CsvFiles.ImportColumns[1],
        _ => CsvFiles.ImportColumns[2],
    };

    [HttpGet]
    public IActionResult ImportTemplate()
    {
        var rows = new[] { new[] { "Jane Doe", "jane.doe@example.com", "+49 1512 3456789", "Yes" } }.ToAsyncEnumerable();
        return CsvFiles.Download("customer-development-import-template.csv", CsvFiles.ImportColumns, rows, r => r);
    }

    [HttpGet]
    public async Task<IActionResult> ImportResult(Guid id)
    {
        var batch = await imports.BatchAsync(User.PartnerId(), id, HttpContext.RequestAborted);
        if (!batch.IsSuccess)
        {
            return NotFound();
        }

        SetTitle(T["Import customers"]);
        return View(new ImportResultPage { Batch = batch.Value!, Now = clock.UtcNow() });
    }

    [HttpPost]
    public async Task<IActionResult> ImportApply(Guid id, bool submitReviews) =>
        await Applied(id, await apply.ExecuteAsync(User.UserId(), User.PartnerId(), id, submitReviews, HttpContext.RequestAborted));

    [HttpPost]
    public async Task<IActionResult> ImportContinue(Guid id) =>
        await Applied(id, await apply.ExecuteAsync(User.UserId(), User.PartnerId(), id, submitReviews: null, HttpContext.RequestAborted));

    private Task<IActionResult> Applied(Guid id, Result<ImportProgress> result) => OutcomeAsync(result, progress =>
    {
        Success(progress.Completed
            ? T["The import is complete: all {0} rows have their outcome below.", progress.Total]
            : T["{0} of {1} rows are done. Continue the import to apply the rest.", progress.Applied, progress.Total]);
        return RedirectToAction(nameof(ImportResult), new { id });
    }, () => RedirectToAction(nameof(ImportResult), new { id }));

    [HttpGet]
    public async Task<IActionResult> ImportResultFile(Guid id)
    {
        var found = await imports.BatchAsync(User.PartnerId(), id, HttpContext.RequestAborted);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        var batch = found.Value!;
        var planned = batch.Status == ImportStatus.Planned;
        string[] header = [.. CsvFiles.ImportColumns, "Outcome", "Message"];
        return CsvFiles.Download($"{Path.GetFileNameWithoutExtension(batch.FileName)}-result.csv", header, batch.Rows.ToAsyncEnumerable(), row =>
        {
            var message = row.MessageAt(planned);
            return [row.Name, row.Email, row.Mobile, row.SendInvitationText, row.OutcomeAt(planned)?.Label(planned) ?? T["Not applied yet"],
                row.Field is { } field ? $"{field}: {message}" : message];
        });
    }

    [HttpGet]
    [Authorize(Policy = Policies.PartnerAdmin)]
    public async Task<IActionResult> Export([FromQuery] ListQuery query)
    {
        var file = await export.ExecuteAsync(User.UserId(), User.PartnerId(),
            new ListRequest(query.Status, query.Q, query.OldestFirst, 1), HttpContext.RequestAborted);
        return CsvFiles.Download($"customer-development-{clock.UtcNow():yyyy-MM-dd}.csv", file);
    }

    private async Task<IActionResult> ImportView()
    {
        SetTitle(T["Import customers"]);
        return View(nameof(Import), new ImportPage { Recent = await imports.RecentAsync(User.PartnerId(), HttpContext.RequestAborted) });
    }

    private void SetTitle(string title)
    {
        ViewData["Title"] = title;
        ViewData["Breadcrumb"] = T[PreregistrationsController.Crumbs].Value;
    }
}

public sealed class ImportPage
{
    public required IReadOnlyList<ImportSummary> Recent { get; init; }
}

public sealed class ImportResultPage
{
    public required ImportBatch Batch { get; init; }
    public required DateTime Now { get; init; }
}

/// <summary>A download written straight to the response as it is produced (constant memory for any size).</summary>
public sealed class FileCallbackResult(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = contentType;
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}
