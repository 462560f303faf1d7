using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DisclosurePortal.E2E.Infrastructure;

/// <summary>
/// Sits in the Blazor circuit's WebSocket: passes everything through until the page has asked the server to
/// start the circuit, then holds the server's messages (the first render among them) until <see cref="Release"/>.
/// </summary>
internal sealed class HeldCircuit : IAsyncDisposable
{
    private static readonly byte[] StartCircuit = Encoding.UTF8.GetBytes("StartCircuit");
    private static readonly byte[] HandshakeRequest = Encoding.UTF8.GetBytes("{\"protocol\":");
    private readonly Lock gate = new();
    private readonly List<IWebSocketFrame> held = [];
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IPage page;
    private IWebSocketRoute? toPage;
    private bool holding;
    private bool released;

    private HeldCircuit(IPage page) => this.page = page;

    /// <summary>Completes once the page has sent StartCircuit.</summary>
    public Task Started => started.Task;

    public static async Task<HeldCircuit> RouteAsync(IPage page)
    {
        var circuit = new HeldCircuit(page);
        await page.RouteWebSocketAsync(new Regex("/_blazor"), circuit.Attach);
        return circuit;
    }

    /// <summary>Delivers what was held, in order, and lets everything after it through.</summary>
    public void Release()
    {
        lock (gate)
        {
            released = true;
            holding = false;
            foreach (var frame in held)
            {
                Forward(frame, toPage!);
            }

            held.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await page.UnrouteAllAsync(new PageUnrouteAllOptions { Behavior = UnrouteBehavior.IgnoreErrors });
    }

    private void Attach(IWebSocketRoute pageSide)
    {
        var server = pageSide.ConnectToServer();
        pageSide.OnMessage(frame =>
        {
            if (frame.Binary is { } bytes && bytes.AsSpan().IndexOf(StartCircuit) >= 0)
            {
                lock (gate)
                {
                    holding = !released;
                    toPage = pageSide;
                }

                started.TrySetResult();
            }

            Forward(frame, server);
        });
        server.OnMessage(frame =>
        {
            lock (gate)
            {
                if (holding && ReferenceEquals(toPage, pageSide))
                {
                    held.Add(frame);
                    return;
                }
            }

            Forward(frame, pageSide);
        });
    }

    /// <summary>
    /// Playwright's .NET frames keep only the bytes, not whether a frame was text or binary, so the kind is
    /// restored from SignalR's protocol: with Blazor's MessagePack protocol every frame is binary except the
    /// page's JSON handshake request ({"protocol":"blazorpack",...}).
    /// </summary>
    private static void Forward(IWebSocketFrame frame, IWebSocketRoute to)
    {
        var bytes = frame.Binary ?? Encoding.UTF8.GetBytes(frame.Text ?? string.Empty);
        if (bytes.AsSpan().StartsWith(HandshakeRequest))
        {
            to.Send(Encoding.UTF8.GetString(bytes));
        }
        else
        {
            to.Send(bytes);
        }
    }
}
