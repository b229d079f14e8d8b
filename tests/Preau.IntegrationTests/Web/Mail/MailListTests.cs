using MimeKit;
using Preau.Core.Mail;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Web.Mail;

/// <summary>Message lists: sorting, paging, filters and search, on a folder filled through Core.</summary>
public class MailListTests : SharedServerFixture
{
    private const int Count = 130;
    private string _inbox = "";
    private MailApiClient _client = null!;

    [OneTimeSetUp]
    public async Task Fill()
    {
        // A folder of its own (so other tests' mail does not change the counts), filled as IMAP APPEND would.
        var account = Server.Runtime.Directory.Find("prof.anglais")!;
        Server.Runtime.Mailboxes.Create(account, "Classement");
        for (var i = 0; i < Count; i++)
        {
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress($"Expéditeur {(char)('A' + (i % 26))}", $"x{i}@exemple.org"));
            message.To.Add(new MailboxAddress("Prof. Anglais", "prof.anglais@demo.preau.test"));
            message.Subject = (i % 2 == 0 ? "Re: " : "") + $"Sujet {i:000}" + (i == 77 ? " pamplemousse" : "");
            message.Date = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero).AddHours((i * 37) % Count);
            message.Body = new TextPart("plain") { Text = new string('x', i * 10) + (i == 42 ? " Rhododendron géant" : "") };
            using var buffer = new MemoryStream();
            await message.WriteToAsync(buffer);
            var flags = (i % 3 == 0 ? MessageFlags.Seen : 0) | (i % 10 == 0 ? MessageFlags.Flagged : 0);
            await Server.Runtime.Mailboxes.AppendAsync(account, "Classement", buffer.ToArray(), flags, [], null);
        }

        _client = await MailApiClient.SignInAsync(Server, "prof.anglais");
        _inbox = (await _client.FoldersAsync()).Single(f => f.GetProperty("name").GetString() == "Classement").GetProperty("id").GetString()!;
    }

    [OneTimeTearDown]
    public void Close() => _client?.Dispose();

    [Test]
    public async Task FirstPage_NewestFirst_FiftyOfAll()
    {
        var page = await _client.GetJsonAsync($"api/mail/folders/{_inbox}/messages");
        var items = page.GetProperty("items").EnumerateArray().ToArray();
        Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(Count));
        Assert.That(page.GetProperty("offset").GetInt32(), Is.EqualTo(0));
        Assert.That(items, Has.Length.EqualTo(50));
        var dates = items.Select(i => i.GetProperty("date").GetDateTimeOffset()).ToArray();
        Assert.That(dates, Is.Ordered.Descending);
        var first = items[0];
        Assert.That(first.GetProperty("folderId").GetString(), Is.EqualTo(_inbox));
        Assert.That(first.GetProperty("from").GetProperty("address").GetString(), Does.EndWith("@exemple.org"));
        Assert.That(first.GetProperty("from").GetProperty("name").GetString(), Does.StartWith("Expéditeur "));
        Assert.That(first.GetProperty("to")[0].GetProperty("address").GetString(), Is.EqualTo("prof.anglais@demo.preau.test"));
        Assert.That(first.GetProperty("uid").GetUInt32(), Is.GreaterThan(0));
    }

    [Test]
    public async Task Paging_CoversEveryMessageOnce()
    {
        var seen = new List<string>();
        for (var offset = 0; offset < Count + 40; offset += 40)
        {
            var page = await _client.GetJsonAsync($"api/mail/folders/{_inbox}/messages?offset={offset}&limit=40&sort=date&order=asc");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
        }

        Assert.That(seen, Has.Count.EqualTo(Count));
        Assert.That(seen, Is.Unique);
    }

    [Test]
    public async Task SortBySubject_IgnoresReplyPrefixes()
    {
        var items = await _client.ItemsAsync(_inbox, "&sort=subject&order=asc");
        var subjects = items.Select(i => i.GetProperty("subject").GetString()!.Replace("Re: ", "", StringComparison.Ordinal)).ToArray();
        Assert.That(subjects.Take(3), Is.EqualTo(new[] { "Sujet 000", "Sujet 001", "Sujet 002" }));
    }

    [Test]
    public async Task SortBySize_Descending()
    {
        var sizes = (await _client.ItemsAsync(_inbox, "&sort=size")).Select(i => i.GetProperty("size").GetInt64()).ToArray();
        Assert.That(sizes, Is.Ordered.Descending);
    }

    [Test]
    public async Task SortByFrom_ByDisplayName()
    {
        var names = (await _client.ItemsAsync(_inbox, "&sort=from&order=asc")).Select(i => i.GetProperty("from").GetProperty("name").GetString()!).ToArray();
        Assert.That(names, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(names[0], Is.EqualTo("Expéditeur A"));
    }

    [Test]
    public async Task UnreadAndFlaggedFilters()
    {
        var unread = await _client.GetJsonAsync($"api/mail/folders/{_inbox}/messages?unread=true&limit=200");
        Assert.That(unread.GetProperty("total").GetInt32(), Is.EqualTo(Enumerable.Range(0, Count).Count(i => i % 3 != 0)));
        Assert.That(unread.GetProperty("items").EnumerateArray().All(i => !i.GetProperty("seen").GetBoolean()), Is.True);
        var flagged = await _client.GetJsonAsync($"api/mail/folders/{_inbox}/messages?flagged=true");
        Assert.That(flagged.GetProperty("total").GetInt32(), Is.EqualTo(13));
        Assert.That(flagged.GetProperty("items").EnumerateArray().All(i => i.GetProperty("flagged").GetBoolean()), Is.True);
    }

    [TestCase("rhododendron", "Sujet 042")]
    [TestCase("GÉANT", "Sujet 042")]
    [TestCase("pamplemousse", "Sujet 077 pamplemousse")]
    public async Task TextSearch_BodyAndHeaders_CaseFolded(string q, string subject)
    {
        var page = await _client.GetJsonAsync($"api/mail/folders/{_inbox}/messages?q={Uri.EscapeDataString(q)}");
        Assert.That(page.GetProperty("total").GetInt32(), Is.EqualTo(1));
        Assert.That(page.GetProperty("items")[0].GetProperty("subject").GetString()!.Replace("Re: ", "", StringComparison.Ordinal), Is.EqualTo(subject));
    }

    [Test]
    public async Task List_AfterFlagChange_ShowsNewFlags()
    {
        var item = (await _client.ItemsAsync(_inbox, "&unread=true")).First();
        var id = item.GetProperty("id").GetString();
        await _client.ExpectAsync(System.Net.HttpStatusCode.NoContent, HttpMethod.Post, "api/mail/messages/flags", new { ids = new[] { id }, seen = true });
        var again = (await _client.ItemsAsync(_inbox)).Single(i => i.GetProperty("id").GetString() == id);
        Assert.That(again.GetProperty("seen").GetBoolean(), Is.True);
        await _client.ExpectAsync(System.Net.HttpStatusCode.NoContent, HttpMethod.Post, "api/mail/messages/flags", new { ids = new[] { id }, seen = false });
        var back = (await _client.ItemsAsync(_inbox)).Single(i => i.GetProperty("id").GetString() == id);
        Assert.That(back.GetProperty("seen").GetBoolean(), Is.False);
        Assert.That(back.GetProperty("date").GetString(), Is.EqualTo(item.GetProperty("date").GetString()));
    }
}
