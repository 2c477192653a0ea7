using System.Collections.Concurrent;
using System.Text;
using IntervisieBot.Conversations.Tests.Harness;
using IntervisieBot.Conversations.Tests.Scheduling;
using IntervisieBot.Storage.AzureTables;

namespace IntervisieBot.Conversations.Tests.Privacy;

/// <summary>
/// The same meeting on the Table service protocol (Azurite): every body sent to the store and every row it sent back
/// is kept, and none holds what the members wrote.
/// </summary>
public sealed class EncryptionAtRestOnAzuriteTests(SchedulerAzuriteFixture azurite) : IClassFixture<SchedulerAzuriteFixture>
{
    private const string Secret = "Vertrouwelijk";

    [Fact]
    public async Task EverythingWrittenToAndReadFromTheTableService_DuringAMeeting_HoldsNoAgreementCaseOrContributionInPlain()
    {
        var wire = new WireRecorder { InnerHandler = new HttpClientHandler() };
        using var http = new HttpClient(wire);
        var tables = AzureTableServiceClient.FromConnectionString(
            azurite.Server.ConnectionString, http, new AzureTableClientOptions { TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10] });
        using var chat = new BotClient(new BotClientOptions { Start = BotClient.ThursdayEvening, ConversationId = BotClient.GroupA, Tables = tables });
        chat.Channel.MembersOf[BotClient.GroupA] = [.. BotClient.NamesA.Select(BotClient.Member)];

        await chat.RunConfidentialMeetingAsync(Secret);

        Assert.Equal(Secret + ": Anna's actie", (await chat.Get<Conversations.Sessions.SessionRecordStore>().LatestAsync(chat.Address))!.Action);
        var bodies = wire.Bodies.ToList();
        Assert.Contains(bodies, b => b.Contains("\"PartitionKey\"", StringComparison.Ordinal));
        Assert.DoesNotContain(bodies, b => b.Contains(Secret, StringComparison.Ordinal) || b.Contains("vraagt", StringComparison.Ordinal));
        Assert.DoesNotContain(bodies, b => BotClient.ConfidentialTexts.Any(t => b.Contains(t, StringComparison.Ordinal)));
    }

    /// <summary>Keeps every request and response body that passes between the bot and the store.</summary>
    private sealed class WireRecorder : DelegatingHandler
    {
        public ConcurrentQueue<string> Bodies { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                Bodies.Enqueue(await request.Content.ReadAsStringAsync(cancellationToken));
            }

            var response = await base.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            Bodies.Enqueue(Encoding.UTF8.GetString(body));
            var copy = new ByteArrayContent(body);
            foreach (var header in response.Content.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = copy;
            return response;
        }
    }
}
