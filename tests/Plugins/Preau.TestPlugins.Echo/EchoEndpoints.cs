using Preau.Plugins;
using Preau.Plugins.Graph;
using Preau.Plugins.Http;
using Preau.Plugins.Mail;
using Preau.Plugins.Storage;

namespace Preau.TestPlugins.Echo;

/// <summary>HTTP routes: who am I, stored items, mail sending, graph writing.</summary>
public sealed class EchoEndpoints(PluginContext context, IPluginStore store, IMailSender mail, IGraphWriter writer) : IPluginEndpoints
{
    /// <inheritdoc />
    public void Map(IPluginRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("hello", r => r.WriteJsonAsync(new Hello(context.Id, context.Version.ToString(), EchoRegistrator.Edition, r.Caller?.Login)));
        routes.MapGet("public/ping", r => r.WriteJsonAsync(new Hello(context.Id, context.Version.ToString(), EchoRegistrator.Edition, r.Caller?.Login))).AllowAnonymous();
        routes.MapGet("items/{id}", async r =>
        {
            var item = store.Collection<Item>("items").Get(r.RouteValue("id")!);
            await (item is null ? r.WriteErrorAsync(404, "Élément introuvable.") : r.WriteJsonAsync(item));
        });
        routes.MapPut("items/{id}", async r =>
        {
            var item = await r.ReadJsonAsync<Item>() ?? new Item("");
            store.Collection<Item>("items").Put(r.RouteValue("id")!, item);
            await r.WriteJsonAsync(item);
        }).RequireRight("echo.use");
        routes.MapGet("delivered", r => r.WriteJsonAsync(store.Collection<Delivered>("delivered").All().Select(d => d.Value).ToArray()));
        routes.MapGet("ticks", r => r.WriteJsonAsync(store.Collection<Counter>("ticks").Get("tick")?.Count ?? 0));
        routes.MapGet("files/{*path}", r => r.WriteJsonAsync(r.RouteValue("path")));
        routes.MapPost("notify", async r =>
        {
            var request = await r.ReadJsonAsync<Notify>() ?? throw new Microsoft.AspNetCore.Http.BadHttpRequestException("missing body");
            var result = request.As is null
                ? await mail.SendAsSystemAsync(new OutgoingMail { To = request.To, Subject = request.Subject, TextBody = "Bonjour de l'écho.", SenderName = "Écho" })
                : await mail.SendOnBehalfOfAsync(request.As, new OutgoingMail { To = request.To, Subject = request.Subject, TextBody = "Bonjour de l'écho." });
            await r.WriteJsonAsync(new Sent(result.Status.ToString(), result.Reply, result.Refused.Select(x => x.Address + ": " + x.Reason).ToArray()));
        }).RequireRight("echo.admin");
        routes.MapPost("graph", async r =>
        {
            var batch = await r.ReadJsonAsync<GraphBatch>() ?? new GraphBatch();
            try
            {
                await r.WriteJsonAsync(writer.Apply(batch));
            }
            catch (GraphBatchException ex)
            {
                await r.WriteJsonAsync(ex.Errors, 422);
            }
        }).RequireRight("echo.admin");
        routes.MapGet("boom", _ => throw new InvalidOperationException("panne d'une route"));
    }

    /// <summary>The hello answer.</summary>
    public sealed record Hello(string Plugin, string Version, string Edition, string? Caller);

    /// <summary>A stored item.</summary>
    public sealed record Item(string Text);

    /// <summary>The notify request.</summary>
    public sealed record Notify(IReadOnlyList<string> To, string Subject, string? As);

    /// <summary>The notify answer.</summary>
    public sealed record Sent(string Status, string Reply, IReadOnlyList<string> Refused);
}
