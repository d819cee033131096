using System.Net.Http.Headers;

namespace PartnerCenter.Web.Tests.Infrastructure;

/// <summary>A reader whose browser asks for Simplified Chinese (Accept-Language: zh-CN), as issue 19's readers do.</summary>
public static class ChineseReader
{
    public static PartnerCenterClient ReadingChinese(this PartnerCenterClient client)
    {
        client.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.Http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        return client;
    }

    /// <summary>The page is declared Chinese and carries none of <paramref name="english"/> in its main region.</summary>
    public static void AssertChinese(this HtmlPage page, params string[] english)
    {
        Assert.Equal("zh-CN", page.Document.DocumentElement.GetAttribute("lang"));
        foreach (var text in english)
        {
            Assert.DoesNotContain(text, page.MainText, StringComparison.Ordinal);
        }
    }
}
