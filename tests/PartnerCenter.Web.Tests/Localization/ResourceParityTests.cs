using System.Xml.Linq;
using PartnerCenter.Web.Localization;

namespace PartnerCenter.Web.Tests.Localization;

/// <summary>
/// Every text exists in every language: each neutral (English) .resx under src/ has a sibling per other culture
/// with exactly the same keys, in both directions. Its failure lists what is missing: the to-do list of a new language.
/// </summary>
public sealed class ResourceParityTests
{
    private static readonly string Src = Path.Combine(RepositoryRoot(), "src");

    public static TheoryData<string> Cultures() => [.. PortalLocalization.Cultures.Skip(1)];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_neutral_resx_has_a_sibling_in_the_language_with_exactly_the_same_keys(string culture)
    {
        var neutral = NeutralFiles();
        Assert.NotEmpty(neutral);
        var problems = new List<string>();
        foreach (var file in neutral)
        {
            var sibling = Path.ChangeExtension(file, null) + "." + culture + ".resx";
            var name = Path.GetRelativePath(Src, file);
            if (!File.Exists(sibling))
            {
                problems.Add($"{name}: no {culture} sibling ({Path.GetFileName(sibling)})");
                continue;
            }

            var english = Keys(file);
            var translated = Keys(sibling);
            problems.AddRange(english.Except(translated).Select(k => $"{name}: \"{k}\" has no {culture} translation"));
            problems.AddRange(translated.Except(english).Select(k => $"{name}: \"{k}\" exists in {culture} only"));
        }

        // A translation whose neutral file is gone is a leftover.
        foreach (var orphan in Directory.EnumerateFiles(Src, $"*.{culture}.resx", SearchOption.AllDirectories)
                     .Where(f => !File.Exists(f[..^$".{culture}.resx".Length] + ".resx")))
        {
            problems.Add($"{Path.GetRelativePath(Src, orphan)}: no neutral (English) file");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_check_sees_a_key_missing_in_either_direction()
    {
        var dir = Directory.CreateTempSubdirectory("resx-parity");
        try
        {
            var neutral = Path.Combine(dir.FullName, "Sample.resx");
            File.WriteAllText(neutral, Resx(("Save", "Save"), ("Cancel", "Cancel")));
            var chinese = Path.Combine(dir.FullName, "Sample.zh-CN.resx");
            File.WriteAllText(chinese, Resx(("Save", "保存"), ("Delete", "删除")));
            Assert.Equal(["Cancel"], Keys(neutral).Except(Keys(chinese)));
            Assert.Equal(["Delete"], Keys(chinese).Except(Keys(neutral)));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Neutral files: a name whose last part before .resx is not a culture name.</summary>
    private static List<string> NeutralFiles() =>
        [.. Directory.EnumerateFiles(Src, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !PortalLocalization.Cultures.Any(c => f.EndsWith($".{c}.resx", StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)];

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    private static string Resx(params (string Key, string Value)[] entries) =>
        new XDocument(new XElement("root", entries.Select(e => new XElement("data", new XAttribute("name", e.Key), new XElement("value", e.Value))))).ToString();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PartnerCenter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PartnerCenter.sln not found above " + AppContext.BaseDirectory);
    }
}
