using System.Diagnostics;
using System.Globalization;
using PartnerCenter.Bench;

// dotnet run -c Release --project bench/PartnerCenter.Bench -- seed --size small|large
//     [--provider sqlite] --db <file> [--out <dir>]
//     --provider postgres --connection <Npgsql connection string> --out <dir>
if (args.Length == 0 || args[0] != "seed")
{
    return Usage();
}

string? size = null, db = null, outDir = null, connection = null;
var provider = "sqlite";
for (var i = 1; i < args.Length - 1; i += 2)
{
    switch (args[i])
    {
        case "--size": size = args[i + 1]; break;
        case "--db": db = args[i + 1]; break;
        case "--out": outDir = args[i + 1]; break;
        case "--provider": provider = args[i + 1]; break;
        case "--connection": connection = args[i + 1]; break;
        default: return Usage();
    }
}

var plan = size switch
{
    "small" => SeedPlan.Small,
    "large" => SeedPlan.Large,
    _ => null,
};
if (plan is null)
{
    return Usage();
}

SeedTarget target;
switch (provider)
{
    case "sqlite" when db is not null:
        db = Path.GetFullPath(db);
        outDir ??= Path.GetDirectoryName(db)!;
        target = new SqliteTarget(db);
        break;
    case "postgres" when connection is not null && outDir is not null:
        target = new PostgresTarget(connection);
        break;
    default:
        return Usage();
}

outDir = Path.GetFullPath(outDir);
Directory.CreateDirectory(outDir);
var total = Stopwatch.StartNew();
using (target)
{
    await new Seeder(plan, target, outDir, Console.Out).RunAsync();
    var dbSize = await target.SizeAsync();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {size} ({provider}): done in {total.Elapsed.TotalSeconds:F1} s ({dbSize})"));
}

return 0;

static int Usage()
{
    Console.Error.WriteLine("usage: PartnerCenter.Bench seed --size small|large [--provider sqlite] --db <file> [--out <dir for side files>]");
    Console.Error.WriteLine("       PartnerCenter.Bench seed --size small|large --provider postgres --connection <connection string> --out <dir>");
    return 2;
}
