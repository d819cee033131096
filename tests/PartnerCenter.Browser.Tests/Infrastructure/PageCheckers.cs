using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PartnerCenter.Browser.Tests.Infrastructure;

/// <summary>
/// The two third-party checkers every crawled page must pass, from <c>tests/tools/node_modules</c>
/// (<c>npm ci</c> in <c>tests/tools</c>; <c>./test.sh</c> does it): axe-core, run inside the page,
/// and the Nu HTML checker (vnu.jar, run with Java) over the HTML the server sent.
/// </summary>
public static partial class PageCheckers
{
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Tool("axe-core", "axe.min.js")));

    /// <summary>Where <c>npm ci</c> in <c>tests/tools</c> puts the checkers.</summary>
    public static string NodeModules { get; } = Path.Combine(Path.GetDirectoryName(TestOutput.Root)!, "tests", "tools", "node_modules");

    /// <summary>
    /// Runs axe-core in <paramref name="page"/> and returns its serious and critical violations, one
    /// line each: rule, impact, the elements (CSS targets) and axe's own explanation of the first.
    /// The script is evaluated through the DevTools protocol, not added as a <c>&lt;script&gt;</c>
    /// tag: the app's Content-Security-Policy rightly blocks inline scripts.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AxeAsync(IPage page)
    {
        await page.EvaluateAsync(AxeSource.Value);
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({
                  id: v.id,
                  impact: v.impact,
                  help: v.help,
                  targets: v.nodes.map(n => n.target.join(' ')),
                  detail: (v.nodes[0].any.concat(v.nodes[0].all, v.nodes[0].none)[0] || {}).message || ''
                }));
            }
            """);
        return violations.EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()}; "
                + $"at {string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))}; {v.GetProperty("detail").GetString()}")
            .ToList();
    }

    /// <summary>
    /// Validates the files with the Nu HTML checker in one Java run (the JVM start is the slow
    /// part) and returns its errors by file. Throws when Java or vnu.jar is missing or vnu fails to run.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, List<string>>> VnuAsync(IReadOnlyCollection<string> files)
    {
        var errors = files.ToDictionary(f => Path.GetFullPath(f), _ => new List<string>(), StringComparer.Ordinal);
        if (files.Count == 0)
        {
            return errors;
        }

        var start = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-jar", Tool("vnu-jar", "build", "dist", "vnu.jar"), "--errors-only", "--format", "gnu" }.Concat(errors.Keys))
        {
            start.ArgumentList.Add(argument);
        }

        using var java = Process.Start(start) ?? throw new InvalidOperationException("java did not start.");
        var stdout = java.StandardOutput.ReadToEndAsync();
        var stderr = java.StandardError.ReadToEndAsync();
        await java.WaitForExitAsync();
        var output = await stderr + await stdout;

        // gnu format: "file:/path/page.html":12.3-12.40: error: message
        var unmatched = new StringBuilder();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = GnuLine().Match(line);
            if (match.Success && errors.TryGetValue(Uri.UnescapeDataString(match.Groups["file"].Value.Replace("file:", "", StringComparison.Ordinal)), out var list))
            {
                list.Add($"line {match.Groups["where"].Value}: {match.Groups["message"].Value}");
            }
            else
            {
                unmatched.AppendLine(line);
            }
        }

        // Exit 1 means "errors found"; anything else, or output we could not place, is vnu failing.
        if (java.ExitCode is not (0 or 1) || unmatched.Length > 0)
        {
            throw new InvalidOperationException($"vnu exited with {java.ExitCode}:{Environment.NewLine}{unmatched}");
        }

        return errors;
    }

    private static string Tool(params string[] parts)
    {
        var path = Path.Combine([NodeModules, .. parts]);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: run `npm ci` in tests/tools (./test.sh does).", path);
    }

    [GeneratedRegex("^\"(?<file>[^\"]+)\":(?<where>[0-9.\\-]+): (error|fatal): (?<message>.*)$")]
    private static partial Regex GnuLine();
}
