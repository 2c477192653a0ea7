using System.Text;
using IntervisieBot.Conversations.Calendar;
using IntervisieBot.Conversations.Groups;
using IntervisieBot.Privacy;

namespace IntervisieBot.Calendar;

/// <summary>
/// <c>GET /api/calendar/{token}.ics</c>: the group's meetings as an iCalendar feed to subscribe to; and
/// <c>GET /api/calendar/{token}/{meeting}.ics</c>: one meeting as a file to download. The token is the only credential
/// (renewed by "agenda" in the group), so answers are not indexed or sent on as a referrer. Only reads.
/// </summary>
public static class CalendarEndpoint
{
    private const string ContentType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/calendar/{token}.ics", async (string token, CalendarLinkStore links, GroupStore groups, TimeProvider time, HttpResponse response, CancellationToken cancellationToken) =>
        {
            SecretLinkHeaders.Apply(response);
            return await links.FindAsync(token, cancellationToken) is { } address && await groups.GetAsync(address, cancellationToken) is { } group
                ? Results.Text(IcsWriter.Write(GroupCalendar.Feed(address, group, time.GetUtcNow())), ContentType, Encoding.UTF8)
                : NotFound();
        });
        endpoints.MapGet("/api/calendar/{token}/{meeting}.ics", async (string token, string meeting, CalendarLinkStore links, GroupStore groups, TimeProvider time, HttpResponse response, CancellationToken cancellationToken) =>
        {
            SecretLinkHeaders.Apply(response);
            return await links.FindAsync(token, cancellationToken) is { } address && await groups.GetAsync(address, cancellationToken) is { } group
                && GroupCalendar.Single(address, group, meeting, time.GetUtcNow()) is { } single
                ? Results.File(Encoding.UTF8.GetBytes(IcsWriter.Write(single)), ContentType, "intervisie-" + meeting + ".ics")
                : NotFound();
        });
        return endpoints;
    }


    private static IResult NotFound() => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "This calendar link is unknown or was renewed.",
        detail: "Type 'agenda' (or 'calendar') in the group for the current link.");
}
