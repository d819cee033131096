using System.Text;
using CsvHelper;
using PartnerCenter.Core.Common;
using PartnerCenter.Core.Imports;

namespace PartnerCenter.Web.Features.Spreadsheets;

/// <summary>The spreadsheet formats of Customer Development, read and written by CsvHelper.</summary>
public static class CsvFiles
{
    public static readonly string[] ImportColumns = ["Full name", "Email address", "Mobile number", PlanImport.SendInvitationColumn];
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The codes of what can be wrong with an uploaded file as a whole (the page words them in the reader's language).</summary>
    public const string EncodingProblem = "import_encoding", ColumnsProblem = "import_columns", NotCsvProblem = "import_not_csv";

    /// <summary>Strict UTF-8: a file in another encoding is refused, not read as mojibake.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The rows of an uploaded import file (UTF-8 with or without BOM; comma or semicolon; the header row of the template),
    /// or what is wrong with the file as a whole.
    /// </summary>
    public static Result<IReadOnlyList<ImportRow>> ReadImport(byte[] content)
    {
        // A binary file (an image, a workbook) is not text at all.
        if (Array.IndexOf(content, (byte)0) >= 0)
        {
            return NotCsv;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return new Error(EncodingProblem, "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and upload it again.");
        }

        text = text.TrimStart('\uFEFF');

        // Comma or semicolon, whichever the header row is written with.
        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOfAny(['\r', '\n']) is var eol and >= 0 ? eol : text.Length));
        var options = CsvReaderOptions.Default with
        {
            Separator = firstLine.Count(';') > firstLine.Count(',') ? ';' : ',',
            TrimWhitespace = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        try
        {
            using var csv = CsvReader.FromText(text, options);
            var header = csv.Headers;
            if (header.Count != ImportColumns.Length
                || !header.Zip(ImportColumns).All(pair => string.Equals(pair.First.Trim(), pair.Second, StringComparison.OrdinalIgnoreCase)))
            {
                return new Error(ColumnsProblem,
                    $"The first row must be the header {string.Join(",", ImportColumns)}. Download the template and copy your rows into it.");
            }

            var rows = new List<ImportRow>();
            while (csv.Read())
            {
                if (rows.Count == ImportBatch.MaxRows)
                {
                    return ImportErrors.TooManyRows;
                }

                string Cell(int i) => i < csv.FieldCount ? csv.GetString(i) : "";
                rows.Add(ImportRow.Read(rows.Count + 1, Cell(0), Cell(1), Cell(2), Cell(3)));
            }

            return rows.Count == 0 ? ImportErrors.NoRows : rows;
        }
        catch (CsvFormatException)
        {
            return NotCsv;
        }
    }

    private static readonly Error NotCsv = new(NotCsvProblem,
        "The file is not a CSV file. Upload a .csv file with the header row of the template.");

    /// <summary>A CSV download of <paramref name="rows"/>, written to the response as they come.</summary>
    public static FileCallbackResult Download<T>(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<T> rows, Func<T, IEnumerable<string>> cells) =>
        new(ContentType, fileName, (body, ct) => WriteAsync(body, header, rows, cells, ct));

    /// <summary>An export (<see cref="ListExport"/>) as a CSV download.</summary>
    public static FileCallbackResult Download(string fileName, ExportFile file) => Download(fileName, file.Columns, file.Rows, row => row);

    /// <summary>Writes <paramref name="rows"/> as CSV to <paramref name="body"/> as they come (constant memory).</summary>
    public static async Task WriteAsync<T>(Stream body, IReadOnlyList<string> header, IAsyncEnumerable<T> rows, Func<T, IEnumerable<string>> cells, CancellationToken ct)
    {
        // UTF-8 with a BOM, so spreadsheet programs read accents right; a cell that starts like a formula
        // (=, +, -, @) is escaped, so opening the file never runs one.
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(body, options, leaveOpen: true);
        await csv.WriteRecordAsync([.. header], ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            await csv.WriteRecordAsync([.. cells(row)], ct);
        }

        await csv.FlushAsync(ct);
    }
}
