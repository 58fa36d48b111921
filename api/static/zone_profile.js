// Zone profile charts (ECharts, SVG renderer): the project pipeline, investment by year and stage, and one
// metric's values by period, actual beside target. Data come from the page's JSON island.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("profile-data").textContent);
  var FONT = "Noto Sans CJK SC, Noto Sans SC, sans-serif";
  var STAGE_COLOURS = { signed: "#7f8c9a", started: "#3b82c4", under_construction: "#e08a1e",
    completed: "#2e9d5b", in_production: "#8e44ad", unknown: "#bbbbbb" };
  var charts = {};

  function magnitude(value) {
    var abs = Math.abs(value);
    if (abs >= 1e8) { return +(value / 1e8).toPrecision(4) + "亿"; }
    if (abs >= 1e4) { return +(value / 1e4).toPrecision(4) + "万"; }
    return String(+value.toPrecision(4));
  }

  function withUnit(value, unit) {
    if (unit === "rank") { return "第" + value + "名"; }
    if (unit === "percent") { return value + "%"; }
    return magnitude(value);
  }

  function draw(id, option) {
    var el = document.getElementById(id);
    var chart = echarts.init(el, null, { renderer: "svg" });
    option.textStyle = { fontFamily: FONT };
    option.animation = false;
    chart.setOption(option);
    charts[id] = chart;
    return chart;
  }

  function pipeline() {
    draw("chart-pipeline", {
      grid: { left: 48, right: 24, top: 36, bottom: 40 },
      tooltip: { trigger: "axis", formatter: function (p) { return p[0].name + "：" + p[0].value + " 个项目"; } },
      xAxis: { type: "category", data: data.pipeline.map(function (s) { return s.label; }),
        axisLabel: { fontSize: 14, formatter: function (v, i) { return i === 0 ? v : "→ " + v; } } },
      yAxis: { type: "value", name: "项目数", minInterval: 1 },
      series: [{ type: "bar", barWidth: "50%", label: { show: true, position: "top", fontSize: 14 },
        data: data.pipeline.map(function (s) {
          return { value: s.projects, itemStyle: { color: STAGE_COLOURS[s.status] } };
        }) }]
    });
  }

  function investment() {
    var inv = data.investment;
    if (!inv.years.length) {
      document.getElementById("chart-investment").innerHTML = "";
      document.getElementById("chart-investment").appendChild(note("没有披露投资额的项目"));
      return;
    }
    draw("chart-investment", {
      grid: { left: 64, right: 24, top: 48, bottom: 40 },
      legend: { top: 4 },
      tooltip: { trigger: "axis", valueFormatter: function (v) { return magnitude(v) + "元"; } },
      xAxis: { type: "category", data: inv.years },
      yAxis: { type: "value", name: "投资额（元）", axisLabel: { formatter: magnitude } },
      series: inv.series.map(function (s) {
        return { type: "bar", stack: "investment", name: s.label, data: s.data,
          itemStyle: { color: STAGE_COLOURS[s.status] },
          label: { show: true, formatter: function (p) { return p.value ? magnitude(p.value) : ""; } } };
      })
    });
  }

  function note(text) {
    var p = document.createElement("p");
    p.className = "hint chart-note";
    p.textContent = text;
    return p;
  }

  function indicator(index) {
    var metric = data.metrics[index];
    if (!metric) {
      document.getElementById("chart-indicator").appendChild(note("没有抽取到指标"));
      return;
    }
    var periods = metric.periods.map(function (p) { return p.period; });
    var series = ["actual", "target"].filter(function (kind) {
      return metric.periods.some(function (p) { return p[kind] !== undefined; });
    }).map(function (kind) {
      return { type: "bar", name: kind === "actual" ? "实际" : "目标",
        itemStyle: { color: kind === "actual" ? "#1f5fa8" : "#f39c12" },
        label: { show: true, position: "top", formatter: function (p) { return withUnit(p.value, metric.unit); } },
        data: metric.periods.map(function (p) { return p[kind] === undefined ? null : p[kind]; }) };
    });
    if (charts["chart-indicator"]) { charts["chart-indicator"].dispose(); }
    draw("chart-indicator", {
      grid: { left: 64, right: 24, top: 56, bottom: 40 },
      title: { text: metric.name, left: "center", top: 4, textStyle: { fontSize: 13, fontFamily: FONT } },
      legend: { top: 26 },
      tooltip: { trigger: "axis", valueFormatter: function (v) { return withUnit(v, metric.unit); } },
      xAxis: { type: "category", data: periods },
      yAxis: { type: "value", axisLabel: { formatter: magnitude } },
      series: series
    });
  }

  pipeline();
  investment();
  var select = document.getElementById("metric");
  indicator(select ? Number(select.value) : 0);
  if (select) { select.addEventListener("change", function () { indicator(Number(select.value)); }); }
  window.addEventListener("resize", function () {
    Object.keys(charts).forEach(function (k) { charts[k].resize(); });
  });
  window.__zoneProfile = { data: data, charts: charts };
}());
