using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Preau.Core.Mail;
using Preau.Core.Mail.Webmail;

namespace Preau.Web.Mail;

/// <summary><c>POST /api/mail/recipients/check</c> (each address decided as sending would, the total
/// after list expansion against the limit) and <c>GET /api/mail/recipients/suggest?q=</c> (only people and
/// lists the caller may write to).</summary>
internal static class RecipientEndpoints
{
    public const int MaxAddresses = Composer.MaxAddresses;

    public static void Map(RouteGroupBuilder mail, MailApiContext api)
    {
        mail.MapPost("/recipients/check", async (HttpContext context) =>
        {
            var (body, error) = await JsonBody.ReadAsync<CheckRequest>(context.Request, 256 * 1024);
            if (error is not null)
            {
                return error;
            }

            if (body!.Addresses is not { Count: <= MaxAddresses } given)
            {
                return ApiResults.BadRequest($"Indiquez « addresses » : au plus {MaxAddresses} adresses.");
            }

            var account = MailApiContext.Caller(context);
            var context2 = new SubmissionContext("HTTP", context.Connection.RemoteIpAddress?.ToString() ?? "local", "webmail", SentCopy: true);

            // "Nom <a@b>" is checked as a@b; what is not an address at all is refused by the policy's own words.
            var addresses = given.Select(a => Composer.Parse(a)?.Address ?? (a ?? "").Trim()).ToArray();
            var result = RecipientCheck.Check(api.Services.Submission, account, api.Services.Directory.AddressOf(account), context2, addresses);
            return Results.Json(new
            {
                Recipients = result.Recipients.Select((r, i) => new { Address = given[i], r.Allowed, r.Reason, r.Count }),
                result.Total,
                result.Limit,
            });
        });

        mail.MapGet("/recipients/suggest", (HttpContext context, string? q) =>
        {
            if (q is { Length: > 200 })
            {
                return ApiResults.BadRequest("« q » : 200 caractères au plus.");
            }

            var suggestions = api.Suggestions.Suggest(MailApiContext.Caller(context), q);
            return Results.Json(suggestions.Select(s => new
            {
                s.Address,
                s.Name,
                Kind = s.Kind == SuggestionKind.Person ? "person" : "list",
                s.Detail,
            }));
        });
    }

    private sealed record CheckRequest(IReadOnlyList<string>? Addresses);
}
