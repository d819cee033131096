using QRCoder;

namespace PartnerCenter.Infrastructure.QrCodes;

/// <summary>QR codes of invitation links, as PNG and SVG (QRCoder).</summary>
public static class QrCodes
{
    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        using var data = Generate(text);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string Svg(string text, int pixelsPerModule = 8)
    {
        using var data = Generate(text);
        return new SvgQRCode(data).GetGraphic(pixelsPerModule);
    }

    private static QRCodeData Generate(string text)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
    }
}
