using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Preau.BrowserTests.Infrastructure;

/// <summary>axe-core's WCAG 2.x A and AA rules run in the page, as <c>Layout/AccessibilityTests</c> runs them.</summary>
internal static class Axe
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>Fails with every violation found on the page as it is now.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe(Wcag);
        Assert.That(result.Passes.Select(p => p.Id), Does.Contain("label").Or.Contain("aria-allowed-attr"), $"axe ran its rules on {what}");
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
        Assert.That(violations, Is.Empty, what);
    }
}
