using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace PartnerCenter.Web.Tests.Operations;

/// <summary>
/// Records the values of one tag of one of the portal's counters, as OpenTelemetry would read them, for
/// this app only (every app in the test process has its own meter factory and so its own meters).
/// </summary>
public sealed class InstrumentRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly List<string> values = [];

    public InstrumentRecorder(TestApp app, string instrument, string tag)
    {
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (published, l) =>
        {
            if (ReferenceEquals(published.Meter.Scope, factory) && published.Name == instrument)
            {
                l.EnableMeasurementEvents(published);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var pair in tags)
            {
                if (pair.Key == tag)
                {
                    lock (values)
                    {
                        values.Add(pair.Value?.ToString() ?? "");
                    }
                }
            }
        });
        listener.Start();
    }

    public IReadOnlyList<string> Values
    {
        get
        {
            lock (values)
            {
                return [.. values];
            }
        }
    }

    public void Dispose() => listener.Dispose();
}
