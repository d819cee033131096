using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using static PartnerCenter.Web.Tests.Invitations.InvitationSteps;

namespace PartnerCenter.Web.Tests.Invitations;

/// <summary>Link / QR code: the URL to copy, and QR codes (PNG, SVG) that decode to exactly that URL (Debian's zbarimg).</summary>
public sealed class LinkAndQrCodeTests(PickupApp app) : AppTest<PickupApp>(app)
{
    private const string PngPrefix = "data:image/png;base64,";
    private const string SvgPrefix = "data:image/svg+xml;base64,";

    [Fact]
    public async Task The_link_page_shows_the_url_to_copy_and_a_png_qr_code_that_decodes_to_exactly_that_url_and_an_svg_download()
    {
        var sales = await SignInAsync(DemoUsers.NorthwindSales);
        var anna = await App.PreregistrationIdAsync(Anna);
        var list = await sales.GetPageAsync("/CustomerDevelopment");

        var opened = await sales.GetPageAsync(list.LinkHref("Link / QR code for A*** S***"));
        using var response = await sales.SubmitAsync(opened, opened.FormOfButton("New link"));
        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var page = (await sales.FollowAsync(response)).AssertStatus(HttpStatusCode.OK);

        Assert.Equal("Link / QR code", page.Heading);
        var url = page.InviteUrl();
        Assert.Matches($"^{Regex.Escape(TestApp.PublicBaseUrl)}/invite/[A-Za-z0-9_-]{{43}}$", url);
        Assert.Equal("Copy", page.Document.QuerySelector("button[data-copy='#invite-url']")?.TextContent.Trim());
        var invitation = await App.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.PreregistrationId == anna && i.Channel == InvitationChannel.Link));
        Assert.True(invitation.Matches(url[(url.LastIndexOf('/') + 1)..]));
        Assert.Contains($"It is valid until {Shown.ToNorthwind(invitation.ExpiresAt)} and can be used once.", page.MainText, StringComparison.Ordinal);

        // PNG: shown, downloadable, and it scans to the URL.
        var image = page.Document.QuerySelector("img[alt='QR code of the invitation link']")?.GetAttribute("src");
        Assert.NotNull(image);
        Assert.StartsWith(PngPrefix, image, StringComparison.Ordinal);
        var png = page.Document.QuerySelector("a[download='invitation-qr.png']");
        Assert.Equal(("Download PNG", image), (png?.TextContent.Trim(), png?.GetAttribute("href")));
        var pngBytes = Convert.FromBase64String(image[PngPrefix.Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], pngBytes[..4]);
        Assert.Equal(url, await ScanAsync(pngBytes, "png"));

        // SVG: a download of an SVG document that scans to the URL too (ImageMagick's own SVG
        // renderer, which zbarimg reads through, loses QRCoder's modules; the test draws them).
        var svg = page.Document.QuerySelector("a[download='invitation-qr.svg']");
        Assert.Equal("Download SVG", svg?.TextContent.Trim());
        var svgHref = svg?.GetAttribute("href");
        Assert.NotNull(svgHref);
        Assert.StartsWith(SvgPrefix, svgHref, StringComparison.Ordinal);
        var document = XDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(svgHref[SvgPrefix.Length..])));
        Assert.Equal("svg", document.Root?.Name.LocalName);
        Assert.NotEmpty(document.Root!.Descendants());
        Assert.Equal(url, await ScanAsync(Rasterize(document), "pbm"));

        // And the link itself works.
        var customer = NewClient();
        (await customer.GetPageAsync(PathOf(url))).AssertStatus(HttpStatusCode.OK);
    }

    /// <summary>
    /// Draws QRCoder's SVG (a white square and one black path of 1-module-high runs,
    /// <c>M{x} {y}h{w}v1h-{w}z</c>, in a viewBox of modules) as a binary PBM, 8 pixels per module.
    /// </summary>
    private static byte[] Rasterize(XDocument svg)
    {
        XNamespace ns = "http://www.w3.org/2000/svg";
        var size = int.Parse(svg.Root!.Attribute("viewBox")!.Value.Split(' ')[2], CultureInfo.InvariantCulture);
        var path = Assert.Single(svg.Root.Elements(ns + "path"), p => (string?)p.Attribute("fill") == "#000").Attribute("d")!.Value;
        var runs = Regex.Matches(path, @"M(\d+) (\d+)h(\d+)v1h-\d+z");
        Assert.Equal(path.Length, runs.Sum(r => r.Length));
        var dark = new bool[size, size];
        foreach (Match run in runs)
        {
            var (x, y, width) = (int.Parse(run.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(run.Groups[2].Value, CultureInfo.InvariantCulture),
                int.Parse(run.Groups[3].Value, CultureInfo.InvariantCulture));
            for (var i = 0; i < width; i++)
            {
                dark[y, x + i] = true;
            }
        }

        const int Scale = 8;
        var pixels = size * Scale;
        var rowBytes = (pixels + 7) / 8;
        using var pbm = new MemoryStream();
        pbm.Write(Encoding.ASCII.GetBytes($"P4\n{pixels} {pixels}\n"));
        for (var py = 0; py < pixels; py++)
        {
            var row = new byte[rowBytes];
            for (var px = 0; px < pixels; px++)
            {
                if (dark[py / Scale, px / Scale])
                {
                    row[px / 8] |= (byte)(0x80 >> (px % 8));
                }
            }

            pbm.Write(row);
        }

        return pbm.ToArray();
    }

    /// <summary>Decodes a QR code image with <c>zbarimg --nodbus --quiet --raw</c>.</summary>
    private static Task<string> ScanAsync(byte[] image, string extension) => QrDecoder.DecodeAsync(image, extension);
}
