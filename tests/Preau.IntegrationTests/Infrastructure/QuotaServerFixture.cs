using System.Text;
using Preau.Core.Accounts;
using Preau.Core.Mail;
using Preau.Core.Quota;

namespace Preau.IntegrationTests.Infrastructure;

/// <summary>A shared server whose pupils and parents have an 8 KiB quota, so a test fills a mailbox
/// with a few messages. Each test takes pupils of its own (never used by another test of the fixture),
/// logged in with the demo password.</summary>
public abstract class QuotaServerFixture : SharedServerFixture
{
    /// <summary>The pupils' and parents' quota.</summary>
    protected const long Quota = 8 * 1024;

    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    private protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Mail:Quota:Eleve"] = "8K";
        settings["Mail:Quota:Responsable"] = "8K";
    }

    /// <summary>The class whose list the list tests write to; no other test takes its pupils.</summary>
    protected string ListClass => Server.Runtime.Directory.Graph.Data.Structures
        .Where(s => s.Kind == Core.Graph.StructureKind.Class)
        .Select(s => s.Code)
        .Order(StringComparer.Ordinal)
        .Last();

    /// <summary>Pupils no other test of this fixture has had, all in one class, with the demo password.</summary>
    protected string[] FreshPupils(int count = 1, string? inClass = null)
    {
        var graph = Server.Runtime.Directory.Graph;
        lock (_taken)
        {
            var pupils = graph.Data.Accounts
                .Where(a => a.Profile == Profile.Eleve && a.State == AccountState.NotActivated && !_taken.Contains(a.Login))
                .Select(a => (Account: a, Class: graph.ClassOf(a.Id)))
                .Where(p => p.Class is not null && (inClass is null ? p.Class != ListClass : p.Class == inClass))
                .GroupBy(p => p.Class, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .First(g => g.Count() >= count)
                .Take(count)
                .Select(p => p.Account.Login)
                .ToArray();
            foreach (var login in pupils)
            {
                _taken.Add(login);
                _ = Server.Runtime.Directory.SetPassword(login, TestServer.Password, "test");
            }

            return pupils;
        }
    }

    protected string FreshPupil() => FreshPupils(1)[0];

    /// <summary>A parent no other test of this fixture has had (parents receive mail from outside).</summary>
    protected string FreshParent()
    {
        lock (_taken)
        {
            var login = Server.Runtime.Directory.Graph.Data.Accounts
                .Where(a => a.Profile == Profile.Responsable && a.State == AccountState.NotActivated && !_taken.Contains(a.Login))
                .Select(a => a.Login)
                .Order(StringComparer.Ordinal)
                .First();
            _taken.Add(login);
            return login;
        }
    }

    protected Account AccountOf(string login) => Server.Runtime.Directory.Find(login) ?? throw new ArgumentException($"no account {login}");

    /// <summary>What the account's messages take, as the server counts it.</summary>
    protected QuotaUsage Used(string login) => Server.Runtime.Quotas.StatusOf(AccountOf(login)).Usage;

    /// <summary>A message of exactly <paramref name="size"/> octets (at least 100).</summary>
    protected static byte[] RawMessage(int size, string subject = "Remplissage")
    {
        var head = $"From: <remplissage@demo.preau.test>\r\nSubject: {subject}\r\n\r\n";
        var text = new StringBuilder(head);
        while (text.Length < size)
        {
            // Lines of 72 octets, the last one cut to end exactly at the size.
            var remaining = size - text.Length;
            text.Append('x', remaining > 74 ? 70 : remaining - 2).Append("\r\n");
        }

        var bytes = Encoding.ASCII.GetBytes(text.ToString());
        return bytes.Length == size ? bytes : throw new ArgumentOutOfRangeException(nameof(size), $"cannot make a message of {size} octets");
    }

    /// <summary>Stores a message of <paramref name="size"/> octets in the account's Archives, through the
    /// same MailboxService as IMAP APPEND.</summary>
    protected async Task FillAsync(string login, int size)
    {
        var account = AccountOf(login);
        _ = Server.Runtime.Mailboxes.List(account);
        _ = await Server.Runtime.Mailboxes.AppendAsync(account, "Archives", RawMessage(size), MessageFlags.Seen, [], null);
    }
}
