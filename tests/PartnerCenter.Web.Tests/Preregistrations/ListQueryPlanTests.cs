using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using PartnerCenter.Core.Preregistrations;
using PartnerCenter.Infrastructure.Data;

namespace PartnerCenter.Web.Tests.Preregistrations;

/// <summary>
/// The Customer Development list reads a page in its order from <see cref="PreregistrationListIndex"/>, created by the
/// real migrations: no sort of all the partner's rows, on SQLite and on PostgreSQL. The query is the one the list runs
/// (<see cref="PreregistrationQueries.ByPreregisteredDate"/> over the partner's rows, a page of 20), planned by each engine.
/// </summary>
public sealed partial class ListQueryPlanTests
{
    [Theory, AllEngines]
    public async Task A_page_of_the_list_is_read_in_order_from_the_list_index(DatabaseEngine engine)
    {
        await using var app = new TestApp { Engine = engine };

        var plan = await app.WithDbAsync(async db =>
        {
            var partnerId = await db.Partners.Where(p => p.Name == DemoData.Northwind).Select(p => p.Id).SingleAsync();
            var page = PreregistrationQueries.ByPreregisteredDate(
                    db.Preregistrations.AsNoTracking().OwnedBy(partnerId).Where(p => p.Status != PreregistrationStatus.Deleted), oldestFirst: false)
                .Skip(20).Take(20);
            return await ExplainAsync(db, engine, page.ToQueryString());
        });

        Assert.Contains(PreregistrationListIndex.Name, plan, StringComparison.Ordinal);
        Assert.DoesNotContain(engine == DatabaseEngine.Sqlite ? "TEMP B-TREE" : "Sort", plan, StringComparison.Ordinal);
    }

    /// <summary>
    /// The engine's plan for <paramref name="sql"/> as <c>ToQueryString</c> prints it, its parameters inlined. The demo
    /// data is tiny, so PostgreSQL is told to avoid sequential scans and sorts where it can: the plan then shows whether
    /// an index serves the order at all.
    /// </summary>
    private static async Task<string> ExplainAsync(AppDbContext db, DatabaseEngine engine, string sql)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var body = new List<string>();
        foreach (var line in sql.Split('\n'))
        {
            if (ParamLine().Match(line) is { Success: true } m)
            {
                parameters[m.Groups["name"].Value] = m.Groups["value"].Value;
            }
            else
            {
                body.Add(line);
            }
        }

        var query = ParamUse().Replace(string.Join('\n', body), m => parameters.TryGetValue(m.Groups["name"].Value, out var v) ? v : m.Value);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            if (engine == DatabaseEngine.PostgreSql)
            {
                await Execute(connection, "SET enable_seqscan = off; SET enable_sort = off;");
            }

            await using var command = connection.CreateCommand();
            command.CommandText = (engine == DatabaseEngine.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + query;
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                lines.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }

            return string.Join('\n', lines);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        static async Task Execute(DbConnection connection, string text)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = text;
            await command.ExecuteNonQueryAsync();
        }
    }

    // SQLite prints ".param set @p 20", Npgsql "-- @p='20'" (with a type after it for some).
    [GeneratedRegex(@"^(?:\.param set (?<name>@\w+) (?<value>.+?)|-- (?<name>@\w+)='(?<value>[^']*)'.*)\r?$")]
    private static partial Regex ParamLine();

    [GeneratedRegex(@"(?<name>@\w+)")]
    private static partial Regex ParamUse();
}
