namespace PartnerCenter.Testing;

public static class UriExtensions
{
    /// <summary>The path of a Location header, whether the app wrote it absolute or relative.</summary>
    public static string AbsolutePathOrOriginal(this Uri location) =>
        location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
}
