using System.Net;

namespace PartnerCenter.Testing;

public static class ResponseAssertions
{
    /// <summary>Asserts the status code; on failure the message carries what the page said (the exception, in Development).</summary>
    public static async Task AssertStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            Assert.Fail($"Expected {(int)expected} {expected}, got {await HtmlPage.ReadAsync(response)}");
        }
    }
}
