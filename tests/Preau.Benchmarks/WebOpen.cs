using System.Net.Http.Headers;

namespace Preau.Benchmarks;

/// <summary>
/// <c>web-open</c>: opening a message of about 1 MB in the reading pane (<c>GET /api/mail/messages/{id}</c>):
/// the message is sent first through the webmail itself (an HTML letter with a 1 MB attachment, to oneself),
/// then opened repeatedly with <c>peek=1</c>, and again marking it read each time (\Seen cleared in between).
/// </summary>
internal static class WebOpen
{
    public static async Task<int> RunAsync(string[] args)
    {
        var o = new Options(args);
        var rounds = o.Int("rounds", 30);
        var size = o.Int("size", 1024 * 1024);
        var login = o.Get("login", "prof.maths");
        using var web = await WebClientSession.SignInAsync(o.Int("port", 8080), login, o.Get("password", "demo"));
        var bytes = new byte[size];
        new Random(7).NextBytes(bytes);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "bulletin.pdf");
        var upload = await web.SendAsync(HttpMethod.Post, "api/mail/uploads", content);
        var html = "<p>Bonjour,</p>" + string.Concat(Enumerable.Repeat("<p>Voici le bulletin du trimestre, avec les appréciations de l'équipe pédagogique. <a href=\"https://exemple.org/\">lien</a> <img src=\"https://exemple.org/logo.png\"></p>", 100));
        var sent = await web.SendAsync(HttpMethod.Post, "api/mail/send", new
        {
            to = new[] { $"{login}@{o.Get("domain", "demo.preau.test")}" },
            subject = "Bulletin " + Guid.NewGuid().ToString("N")[..8],
            html,
            attachments = new[] { upload.GetProperty("id").GetString() },
        });
        var id = sent.GetProperty("id").GetString();
        var (first, message) = await WebList.TimeAsync(() => web.GetAsync($"api/mail/messages/{id}?peek=1"));
        Console.WriteLine($"message {id}: attachment of {message.GetProperty("attachments")[0].GetProperty("size").GetInt64()} octets; first open: {first:0.0} ms");

        var peek = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            peek.Add((await WebList.TimeAsync(() => web.GetAsync($"api/mail/messages/{id}?peek=1"))).Ms);
        }

        WebList.Report("open (peek=1)", peek);
        var marking = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            await web.SendAsync(HttpMethod.Post, "api/mail/messages/flags", new { ids = new[] { id }, seen = false });
            marking.Add((await WebList.TimeAsync(() => web.GetAsync($"api/mail/messages/{id}"))).Ms);
        }

        WebList.Report("open, marking it read (durable flag change)", marking);
        return 0;
    }
}
