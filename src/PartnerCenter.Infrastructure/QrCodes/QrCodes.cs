using QRCoder;

namespace PartnerCenter.Infrastructure.QrCodes;

/// <summary>QR codes of invitation links, as PNG and SVG (QRCoder).</summary>
public static class QrCodes
{
    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        using var data = Generate(text);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule);
    }

    public static string Svg(string text, int pixelsPerModule = 8)
    {
        using var data = Generate(text);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(pixelsPerModule);
    }

    private static QRCodeData Generate(string text)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
    }
}
