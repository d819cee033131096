namespace PartnerCenter.Testing;

/// <summary>Decodes QR codes with Debian's zbarimg (package zbar-tools), as a phone's camera would read them.</summary>
public static class QrDecoder
{
    public static async Task<string> DecodeAsync(string imagePath)
    {
        var (exitCode, output) = await ChildProcess.RunAsync("zbarimg", ["--nodbus", "--quiet", "--raw", imagePath], TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 0, $"zbarimg found no QR code in {imagePath} (exit {exitCode}): {output}");
        return output.TrimEnd('\r', '\n');
    }

    /// <summary>Decodes an image given as bytes (written to a temporary file that is deleted afterwards).</summary>
    public static async Task<string> DecodeAsync(byte[] image, string extension)
    {
        var file = Path.Combine(Path.GetTempPath(), "partnercenter-tests", $"qr-{Guid.NewGuid():N}.{extension}");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, image);
        try
        {
            return await DecodeAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
