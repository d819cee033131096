using PartnerCenter.Web.Tests.Preregistrations;
using static PartnerCenter.Web.Tests.Preregistrations.PreregistrationKit;
using static PartnerCenter.Web.Tests.Spreadsheets.SpreadsheetKit;

namespace PartnerCenter.Web.Tests.Spreadsheets;

/// <summary>
/// Import in Simplified Chinese (issue 19): the pages, the file's problems and the flash message are Chinese; the CSV
/// header stays the template's English one (spreadsheets and tools read it), in both languages.
/// </summary>
public sealed class ImportInChineseTests(PreregistrationFactory app) : IClassFixture<PreregistrationFactory>
{
    [Fact]
    public async Task A_Chinese_reader_uploads_checks_and_imports_in_Chinese_with_the_English_header()
    {
        using var sales = (await app.SignedInClientAsync(DemoUsers.NorthwindSales)).ReadingChinese();

        var import = (await sales.GetPageAsync(ImportUrl)).AssertStatus(HttpStatusCode.OK);
        import.AssertChinese("Upload and check", "Download the template", "CSV file");
        Assert.Equal("导入客户", import.Heading);
        Assert.Equal(Header, import.Document.QuerySelector("#file-help code")!.TextContent);
        import.FormOfButton("上传并检查");

        using (var wrong = await sales.UploadAsync(Csv("姓名,邮箱,手机号码,发送邀请链接", "Zhang San,zhang@prospects.example,+49 1512 3456700,No")))
        {
            var page = await HtmlPage.ReadAsync(wrong);
            Assert.Contains($"第一行必须是表头 {Header}。请下载模板并将数据复制到模板中。", page.MainText, StringComparison.Ordinal);
        }

        var (dryRun, _) = await sales.DryRunAsync(Csv(Header, $"Zhang San,{Preregister.NewEmail("zhangsan")},{GermanMobile(71)},No"), "kehu.csv");
        dryRun.AssertChinese("Nothing is saved yet", "Download result CSV", "Upload another file");
        Assert.Equal("试运行：kehu.csv", dryRun.Heading);
        Assert.Equal(["行", "姓名", "邮箱", "手机号码", "发送邀请链接", "结果"], dryRun.Document.QuerySelectorAll("main thead th").Select(th => th.TextContent.Trim()));

        using var imported = await sales.SubmitAsync(dryRun, dryRun.FormOfButton("导入"));
        var result = await sales.FollowAsync(imported);
        Assert.Contains("导入完成：全部 1 行的结果见下方。", result.Alerts("success"));
        Assert.Equal("导入结果：kehu.csv", result.Heading);

        using var english = await app.SignedInClientAsync(DemoUsers.NorthwindSales);
        Assert.Equal("Import customers", (await english.GetPageAsync(ImportUrl)).Heading);
        using var wrongInEnglish = await english.UploadAsync(Csv("姓名,邮箱,手机号码,发送邀请链接", "Zhang San,zhang@prospects.example,+49 1512 3456700,No"));
        Assert.Contains($"The first row must be the header {Header}.", (await HtmlPage.ReadAsync(wrongInEnglish)).MainText, StringComparison.Ordinal);
    }
}
