namespace PartnerCenter.Browser.Tests.Infrastructure;

/// <summary>
/// Where tests leave files for people to look at: <c>TEST_OUTPUT_DIR</c> if set, else
/// <c>test-output/</c> at the repository root (found by walking up to PartnerCenter.sln).
/// </summary>
public static class TestOutput
{
    public static string Root { get; } = FindRoot();

    public static string Folder(string name) => Directory.CreateDirectory(Path.Combine(Root, name)).FullName;

    private static string FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable("TEST_OUTPUT_DIR");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PartnerCenter.sln")))
            {
                return Path.Combine(dir.FullName, "test-output");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "test-output");
    }
}
