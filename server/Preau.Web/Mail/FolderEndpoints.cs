using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Preau.Core.Accounts;
using Preau.Core.Mail;

namespace Preau.Web.Mail;

/// <summary><c>/api/mail/folders</c>: the folder tree with counts; create, rename, delete.</summary>
internal static class FolderEndpoints
{
    public static void Map(RouteGroupBuilder mail, MailApiContext api)
    {
        mail.MapGet("/folders", (HttpContext context) => Results.Json(Tree(api, MailApiContext.Caller(context))));

        mail.MapPost("/folders", async (HttpContext context) =>
        {
            var (body, error) = await JsonBody.ReadAsync<FolderRequest>(context.Request);
            if (error is not null)
            {
                return error;
            }

            var account = MailApiContext.Caller(context);
            if (LevelName(body!.Name) is not { } name)
            {
                return BadName();
            }

            return MailErrors.Run(() =>
            {
                var parent = body.ParentId is null ? null : api.Services.Mailboxes.Get(account, body.ParentId);
                var created = api.Services.Mailboxes.Create(account, parent is null ? name : $"{parent.Name}/{name}");
                return Results.Json(Tree(api, account).Single(f => f.Id == created.Id), statusCode: StatusCodes.Status201Created);
            });
        });

        mail.MapPatch("/folders/{id}", async (HttpContext context, string id) =>
        {
            var (body, error) = await JsonBody.ReadAsync<FolderRequest>(context.Request);
            if (error is not null)
            {
                return error;
            }

            var account = MailApiContext.Caller(context);
            if (LevelName(body!.Name) is not { } name)
            {
                return BadName();
            }

            return MailErrors.Run(() =>
            {
                var folder = api.Services.Mailboxes.Get(account, id);
                if (folder.Use != SpecialUse.None)
                {
                    return ApiResults.BadRequest("Les dossiers spéciaux (Boîte de réception, Envoyés, Brouillons, Corbeille…) ne se renomment pas.");
                }

                var slash = folder.Name.LastIndexOf('/');
                var renamed = slash < 0 ? name : $"{folder.Name[..slash]}/{name}";
                if (renamed != folder.Name)
                {
                    api.Services.Mailboxes.Rename(account, folder.Name, renamed);
                }

                return Results.Json(Tree(api, account).Single(f => f.Id == folder.Id));
            });
        });

        mail.MapDelete("/folders/{id}", (HttpContext context, string id) =>
        {
            var account = MailApiContext.Caller(context);
            return MailErrors.Run(() =>
            {
                var folder = api.Services.Mailboxes.Get(account, id);
                if (folder.Use != SpecialUse.None)
                {
                    return ApiResults.BadRequest("Les dossiers spéciaux (Boîte de réception, Envoyés, Brouillons, Corbeille…) ne se suppriment pas.");
                }

                api.Services.Mailboxes.Delete(account, folder.Name);
                return Results.NoContent();
            });
        });
    }

    /// <summary>The caller's folders, the default ones first in their usual order, then the others by name.</summary>
    public static IReadOnlyList<FolderItem> Tree(MailApiContext api, Account account)
    {
        var folders = api.Services.Mailboxes.List(account);
        var byName = folders.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var order = DefaultMailboxes.All.Select(d => d.Name).ToList();
        return folders
            .OrderBy(f => Rank(order, f.Name))
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f =>
            {
                var counts = api.Listing.Counts(account, f);
                var slash = f.Name.LastIndexOf('/');
                var parent = slash < 0 ? null : byName.GetValueOrDefault(f.Name[..slash]);
                var label = f.Use == SpecialUse.Inbox ? FolderItem.InboxLabel : f.Name[(slash + 1)..];
                return new FolderItem(f.Id, f.Name, label, parent?.Id, FolderItem.UseName(f.Use), counts.Total, counts.Unread);
            })
            .ToArray();
    }

    /// <summary>Default folders (and their children) by the default order, the others after.</summary>
    private static int Rank(List<string> order, string name)
    {
        var top = name.Split('/')[0];
        var i = order.IndexOf(top);
        return i < 0 ? order.Count : i;
    }

    /// <summary>One level of a folder name: trimmed, no '/'.</summary>
    private static string? LevelName(string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Contains('/', StringComparison.Ordinal) || trimmed.Length > 200 ? null : trimmed;
    }

    private static IResult BadName() =>
        ApiResults.BadRequest("Indiquez « name » : le nom du dossier, sans « / », 200 caractères au plus (« parentId » pour un sous-dossier).");

    private sealed record FolderRequest(string? Name, string? ParentId);
}
