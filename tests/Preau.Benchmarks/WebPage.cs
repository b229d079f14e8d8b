using Microsoft.Playwright;

namespace Preau.Benchmarks;

/// <summary>
/// <c>web-page</c>: the webmail's mail page in headless Chromium (Debian's, through Playwright), timed
/// inside the page: from the start of the navigation to <c>/mail</c> until the first message row with
/// its data is in the list (the page is then usable: the row takes clicks and keys). Each round is a
/// fresh page of one signed-in context (the browser's HTTP cache revalidates the modules, as a return
/// visit does). Then, once: scrolling the list to the middle of the folder, until that row is filled.
/// </summary>
internal static class WebPage
{
    private const string FirstRowProbe = """
        new MutationObserver((_, observer) => {
          if (document.querySelector('.msg-row[data-id]')) { window.preauFirstRow = performance.now(); observer.disconnect(); }
        }).observe(document, { subtree: true, childList: true, attributes: true });
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var o = new Options(args);
        var rounds = o.Int("rounds", 10);
        var baseUrl = $"http://127.0.0.1:{o.Int("port", 8080)}";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = o.Get("chromium", "/usr/bin/chromium"),
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        await using var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1440, Height = 900 } });
        var signIn = await context.APIRequest.PostAsync("/api/session", new() { DataObject = new { login = o.Get("login", "prof.maths"), password = o.Get("password", "demo") } });
        if (!signIn.Ok)
        {
            Console.Error.WriteLine($"sign-in failed: {signIn.Status} {await signIn.TextAsync()}");
            return 1;
        }

        await context.AddInitScriptAsync(FirstRowProbe);
        var times = new List<double>();
        string count = "";
        for (var i = 0; i <= rounds; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/mail");
            await page.WaitForFunctionAsync("() => window.preauFirstRow !== undefined");
            var ms = await page.EvaluateAsync<double>("() => window.preauFirstRow");
            count = await page.Locator(".list-count").TextContentAsync() ?? "";
            if (i > 0)
            {
                // Round 0 warms the server and the browser's cache; it is printed, not counted.
                times.Add(ms);
            }
            else
            {
                Console.WriteLine($"first visit: first row after {ms:0} ms");
            }

            if (i == rounds)
            {
                var middle = await page.EvaluateAsync<double>("""
                    async () => {
                      const list = document.querySelector('.msglist-scroll');
                      const rowHeight = document.querySelector('.msg-row').getBoundingClientRect().height;
                      const total = Number(document.querySelector('.msg-row').getAttribute('aria-setsize'));
                      const index = Math.floor(total / 2);
                      const start = performance.now();
                      list.scrollTop = index * rowHeight;
                      while (!document.querySelector(`.msg-row[data-index="${index}"][data-id]`)) {
                        await new Promise(requestAnimationFrame);
                      }
                      return performance.now() - start;
                    }
                    """);
                Console.WriteLine($"scroll to the middle of the folder: row filled after {middle:0} ms");
            }

            await page.CloseAsync();
        }

        Console.WriteLine($"folder: {count.Trim()}");
        WebList.Report("mail page, navigation start to first row", times);
        return 0;
    }
}
