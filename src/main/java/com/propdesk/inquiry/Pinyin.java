package com.propdesk.inquiry;

import java.util.concurrent.ConcurrentHashMap;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * How a Chinese character sounds, as a pinyin input method types it: the most common reading,
 * without tone, with the front and back nasals folded together (jin/jing, fen/feng), the confusion
 * most typos of owners from the south come from.
 */
final class Pinyin {

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	static {
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	/** "" marks a character without a reading (not Chinese). */
	private static final ConcurrentHashMap<Character, String> SOUNDS = new ConcurrentHashMap<>();

	private Pinyin() {
	}

	/** The character's folded sound, or null when it is not a Chinese character. */
	static String of(char c) {
		String sound = SOUNDS.computeIfAbsent(c, Pinyin::read);
		return sound.isEmpty() ? null : sound;
	}

	private static String read(char c) {
		try {
			String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
			if (readings == null || readings.length == 0) {
				return "";
			}
			String reading = readings[0];
			return reading.endsWith("ng") && !reading.endsWith("ong") ? reading.substring(0, reading.length() - 1) : reading;
		}
		catch (BadHanyuPinyinOutputFormatCombination e) {
			throw new IllegalStateException(e);
		}
	}

}
