using System.Diagnostics;
using System.Globalization;
using PartnerCenter.Bench;

// dotnet run -c Release --project bench/PartnerCenter.Bench -- seed --size small|large --db <file> [--out <dir>]
if (args.Length == 0 || args[0] != "seed")
{
    return Usage();
}

string? size = null, db = null, outDir = null;
for (var i = 1; i < args.Length - 1; i += 2)
{
    switch (args[i])
    {
        case "--size": size = args[i + 1]; break;
        case "--db": db = args[i + 1]; break;
        case "--out": outDir = args[i + 1]; break;
        default: return Usage();
    }
}

var plan = size switch
{
    "small" => SeedPlan.Small,
    "large" => SeedPlan.Large,
    _ => null,
};
if (plan is null || db is null)
{
    return Usage();
}

db = Path.GetFullPath(db);
outDir = Path.GetFullPath(outDir ?? Path.GetDirectoryName(db)!);
Directory.CreateDirectory(outDir);
var total = Stopwatch.StartNew();
await new Seeder(plan, db, outDir, Console.Out).RunAsync();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {size}: done in {total.Elapsed.TotalSeconds:F1} s ({new FileInfo(db).Length / 1048576.0:F0} MB)"));
return 0;

static int Usage()
{
    Console.Error.WriteLine("usage: PartnerCenter.Bench seed --size small|large --db <file> [--out <dir for side files>]");
    return 2;
}
