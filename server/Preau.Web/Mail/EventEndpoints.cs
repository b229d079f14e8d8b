using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Preau.Core.Mail;
using Preau.Core.Rights;

namespace Preau.Web.Mail;

/// <summary>
/// <c>GET /api/events</c>: server-sent events from Core's <see cref="ChangeBus"/>, for the caller's account
/// only: <c>event: mail</c> with <c>{"folderId","kind":"added"|"flags"|"expunged","uid"}</c>, a comment
/// line every 25 s, and <c>event: resync</c> if the browser fell so far behind that changes were dropped
/// (it should then reload its lists). One bus subscription per open stream, disposed when the stream
/// ends. A stream ends when the browser leaves, the server stops, the account may no longer sign in or
/// its password changed, or after the session's idle timeout (EventSource then reconnects through the
/// API gate, which checks the session again).
/// </summary>
internal static class EventEndpoints
{
    /// <summary>Streams one account may hold open at once (tabs, devices).</summary>
    public const int MaxStreamsPerAccount = 10;

    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(25);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder routes, MailApiContext api)
    {
        var open = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        routes.MapGet("/api/events", async (HttpContext context) =>
        {
            var account = MailApiContext.Caller(context);
            var session = MailApiContext.Session(context);
            if (open.AddOrUpdate(account.Id, 1, (_, n) => n + 1) > MaxStreamsPerAccount)
            {
                open.AddOrUpdate(account.Id, 0, (_, n) => n - 1);
                return ApiResults.Error(StatusCodes.Status429TooManyRequests, $"Trop de fenêtres ouvertes : {MaxStreamsPerAccount} au plus par compte.");
            }

            try
            {
                await StreamAsync(api, context, account.Id, session.PasswordHash);
            }
            finally
            {
                open.AddOrUpdate(account.Id, 0, (_, n) => n - 1);
            }

            return Results.Empty;
        }).RequireRight(CoreRights.MessagerieRead);
    }

    private static async Task StreamAsync(MailApiContext api, HttpContext context, string accountId, string? passwordHash)
    {
        var channel = Channel.CreateBounded<MailboxChange>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        var overflowed = 0;
        using var subscription = api.Services.Bus.Subscribe(accountId, change =>
        {
            if (!channel.Writer.TryWrite(change))
            {
                Interlocked.Exchange(ref overflowed, 1);
            }
        });

        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var sessions = context.RequestServices.GetRequiredService<Sessions.SessionStore>();
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        ended.CancelAfter(sessions.IdleTimeout);
        try
        {
            await WriteAsync(response, "retry: 5000\n\n", ended.Token);
            while (!ended.IsCancellationRequested)
            {
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(ended.Token);
                tick.CancelAfter(KeepAlive);
                try
                {
                    await channel.Reader.WaitToReadAsync(tick.Token);
                }
                catch (OperationCanceledException) when (!ended.IsCancellationRequested)
                {
                    var account = api.Services.Directory.Graph.FindById(accountId);
                    if (account is null || !account.CanLogIn || !string.Equals(account.PasswordHash, passwordHash, StringComparison.Ordinal))
                    {
                        return;
                    }

                    await WriteAsync(response, ": toujours là\n\n", ended.Token);
                    continue;
                }

                var text = new StringBuilder();
                if (Interlocked.Exchange(ref overflowed, 0) == 1)
                {
                    while (channel.Reader.TryRead(out _))
                    {
                    }

                    text.Append("event: resync\ndata: {}\n\n");
                }

                while (channel.Reader.TryRead(out var change))
                {
                    var data = JsonSerializer.Serialize(new MailEvent(change.MailboxId, Kind(change.Kind), change.Uid), Json);
                    text.Append("event: mail\ndata: ").Append(data).Append("\n\n");
                }

                await WriteAsync(response, text.ToString(), ended.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The browser left, the server stops, or the stream reached its end: EventSource reconnects.
        }
        catch (IOException)
        {
            // The connection broke while writing.
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, Encoding.UTF8, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    private static string Kind(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.FlagsChanged => "flags",
        _ => "expunged",
    };

    private sealed record MailEvent(string FolderId, string Kind, uint Uid);
}
