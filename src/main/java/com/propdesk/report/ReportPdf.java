package com.propdesk.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.propdesk.report.MonthlyFigures.RepairCategory;
import com.propdesk.report.MonthlyReports.MonthlyReport;

/**
 * The report as a PDF (A4): the same figures as the page, a bar chart of repairs by category and one of SLA
 * compliance, in the CJK font {@code propdesk.report.font} (a TrueType collection), embedded as a subset so the file
 * opens the same anywhere.
 */
@Component
class ReportPdf {

	private static final float MARGIN = 50;

	private static final Color GREEN = new Color(0x2f, 0x7d, 0x5b);

	private static final Color GREY = new Color(0xdd, 0xdd, 0xdd);

	private final File fontFile;

	ReportPdf(@Value("${propdesk.report.font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") String font) {
		this.fontFile = new File(font);
	}

	byte[] render(MonthlyReport report) {
		if (!fontFile.isFile()) {
			throw new IllegalStateException("The report's CJK font " + fontFile + " is missing: install Debian's "
					+ "fonts-wqy-microhei (.ci/run does) or set propdesk.report.font to a TrueType collection");
		}
		try (TrueTypeCollection collection = new TrueTypeCollection(fontFile); PDDocument document = new PDDocument()) {
			TrueTypeFont[] first = new TrueTypeFont[1];
			collection.processAllFonts(face -> {
				if (first[0] == null) {
					first[0] = face;
				}
			});
			PDType0Font font = PDType0Font.load(document, first[0], true);
			PDDocumentInformation info = document.getDocumentInformation();
			String title = ReportText.title(report.buildingName(), report.month());
			info.setTitle(title);
			info.setCreator("PropDesk");
			new Writer(document, font).write(report, title);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot render the report of " + report.building() + " " + report.month(), e);
		}
	}

	/** Lays the report out top to bottom, starting a new page where one is full. */
	private static final class Writer {

		private final PDDocument document;

		private final PDType0Font font;

		private final Map<Integer, Boolean> drawable = new HashMap<>();

		private PDPageContentStream page;

		private float y;

		private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

		Writer(PDDocument document, PDType0Font font) {
			this.document = document;
			this.font = font;
		}

		void write(MonthlyReport report, String title) throws IOException {
			newPage();
			text(title, 18, Color.BLACK);
			text("翠湖花园物业服务中心 · " + (report.published() ? "发布于 " + report.publishedAt().toLocalDate() : "草稿（未发布）"),
					10, Color.GRAY);
			y -= 8;
			MonthlyFigures f = report.figures();
			heading("日常工作");
			for (MonthlyFigures.DutyRounds d : f.duties()) {
				line(ReportText.duty(d));
			}
			heading("报修（按类别）");
			if (f.repairs().isEmpty()) {
				line("本月无报修");
			}
			else {
				bars(f.repairs());
				for (RepairCategory r : f.repairs()) {
					line(ReportText.repair(r));
				}
			}
			heading("投诉与咨询");
			line(ReportText.responses("投诉", f.complaints(), "24小时"));
			line(ReportText.responses("咨询", f.inquiries(), "30分钟"));
			heading("服务时限达标率");
			compliance(f.sla());
			heading("业主满意度");
			line(f.satisfaction().average() == null ? "本月无评价"
					: f.satisfaction().average() + " 分（" + f.satisfaction().count() + " 份评价，满分 5 分）");
			heading("重复报修及处理");
			if (f.repeatFaults().isEmpty()) {
				line("本月无重复报修");
			}
			for (MonthlyFigures.RepeatFaultLine r : f.repeatFaults()) {
				line(ReportText.repeatFault(r));
			}
			if (report.managerNote() != null) {
				heading("管理处说明");
				line(report.managerNote());
			}
			page.close();
		}

		private void newPage() throws IOException {
			if (page != null) {
				page.close();
			}
			PDPage next = new PDPage(PDRectangle.A4);
			document.addPage(next);
			page = new PDPageContentStream(document, next);
			y = PDRectangle.A4.getHeight() - MARGIN;
		}

		private void room(float height) throws IOException {
			if (y - height < MARGIN) {
				newPage();
			}
		}

		private void heading(String text) throws IOException {
			y -= 10;
			text(text, 13, GREEN);
		}

		private void line(String text) throws IOException {
			for (String part : wrap(printable(text), 10.5f)) {
				text(part, 10.5f, Color.BLACK);
			}
		}

		private void text(String text, float size, Color color) throws IOException {
			room(size * 1.6f);
			y -= size * 1.5f;
			page.beginText();
			page.setFont(font, size);
			page.setNonStrokingColor(color);
			page.newLineAtOffset(MARGIN, y);
			page.showText(printable(text));
			page.endText();
		}

		/**
		 * The text as the font can draw it: line breaks as spaces, and what the font has no glyph for (an emoji in a
		 * manager's note, a rare character) left out rather than failing the owners' PDF.
		 */
		private String printable(String text) {
			StringBuilder kept = new StringBuilder(text.length());
			text.replace('\n', ' ').replace('\r', ' ').codePoints().forEach(codePoint -> {
				if (drawable.computeIfAbsent(codePoint, this::hasGlyph)) {
					kept.appendCodePoint(codePoint);
				}
			});
			return kept.toString();
		}

		private boolean hasGlyph(int codePoint) {
			try {
				font.encode(new String(Character.toChars(codePoint)));
				return !Character.isISOControl(codePoint);
			}
			catch (IllegalArgumentException | IOException noGlyph) {
				return false;
			}
		}

		private List<String> wrap(String text, float size) throws IOException {
			List<String> lines = new ArrayList<>();
			StringBuilder current = new StringBuilder();
			for (int i = 0; i < text.length(); ) {
				int codePoint = text.codePointAt(i);
				String next = current + new String(Character.toChars(codePoint));
				if (font.getStringWidth(next) / 1000 * size > width && current.length() > 0) {
					lines.add(current.toString());
					current.setLength(0);
				}
				current.appendCodePoint(codePoint);
				i += Character.charCount(codePoint);
			}
			lines.add(current.toString());
			return lines;
		}

		/** A horizontal bar per repair category, its count at the end. */
		private void bars(List<RepairCategory> repairs) throws IOException {
			int most = repairs.stream().mapToInt(RepairCategory::count).max().orElse(1);
			float labelWidth = 80;
			float barMax = width - labelWidth - 40;
			for (RepairCategory r : repairs) {
				room(18);
				y -= 18;
				label(r.label(), MARGIN, y + 3);
				float length = Math.max(2, barMax * r.count() / most);
				page.setNonStrokingColor(GREEN);
				page.addRect(MARGIN + labelWidth, y, length, 12);
				page.fill();
				label(String.valueOf(r.count()), MARGIN + labelWidth + length + 6, y + 3);
			}
			y -= 6;
		}

		/** One bar: the share met on time, against the whole. */
		private void compliance(MonthlyFigures.Compliance sla) throws IOException {
			room(40);
			y -= 22;
			page.setNonStrokingColor(GREY);
			page.addRect(MARGIN, y, width, 14);
			page.fill();
			if (sla.share() != null) {
				page.setNonStrokingColor(GREEN);
				page.addRect(MARGIN, y, (float) (width * sla.share()), 14);
				page.fill();
			}
			line("达标率 " + ReportText.percent(sla.share()) + "：本月到期 " + sla.due() + " 项时限，按时完成 " + sla.metOnTime() + " 项");
		}

		private void label(String text, float x, float at) throws IOException {
			page.beginText();
			page.setFont(font, 10);
			page.setNonStrokingColor(Color.BLACK);
			page.newLineAtOffset(x, at);
			page.showText(printable(text));
			page.endText();
		}

	}

}
