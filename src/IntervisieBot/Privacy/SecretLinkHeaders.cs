namespace IntervisieBot.Privacy;

/// <summary>
/// The answer to a link whose token is its only credential (export, calendar): never cached, indexed, framed, sniffed
/// or sent on as a referrer.
/// </summary>
internal static class SecretLinkHeaders
{
    public static void Apply(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
    }
}
