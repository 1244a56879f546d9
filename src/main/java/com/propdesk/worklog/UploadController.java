package com.propdesk.worklog;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import com.propdesk.security.Caller;
import com.propdesk.security.Groups;
import com.propdesk.system.FieldProblem;
import com.propdesk.system.InvalidRequestException;
import com.propdesk.system.OpenApiDocument;
import com.propdesk.system.ProblemException;
import com.propdesk.system.TextRules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Files staff attach (a round's photo), checked by their content before they are stored; served back only to staff,
 * as the type they were stored as and never as a page that could run in PropDesk's origin.
 */
@RestController
@RequestMapping("/api/uploads")
class UploadController {

	/** The multipart form, as the API document shows it; the controller reads the parts itself. */
	record UploadForm(@Schema(description = "文件（最大 2 MB）", type = "string", format = "binary") String file,
			@Schema(description = "用途：photo 照片（JPEG、PNG、WebP）；evidence 邻里纠纷证据——照片、监控截图、分贝测量或闭水试验报告"
					+ "（JPEG、PNG、WebP、PDF）", allowableValues = { "photo", "evidence" }) String purpose) {
	}

	record Uploaded(String id, String contentType, int size, String sha256) {
	}

	private static final String TOO_BIG = "文件过大：最大 2 MB";

	private final Uploads uploads;

	UploadController(Uploads uploads) {
		this.uploads = uploads;
	}

	@Operation(summary = "上传文件", description = "multipart/form-data：file 为文件，purpose 为用途（photo 照片：JPEG、PNG、WebP）；"
			+ "类型按文件内容判断，与文件名和声明的类型无关；最大 2 MB（记录工作或事项的工作人员，审计只读）。")
	@ApiResponse(responseCode = "403", ref = OpenApiDocument.FORBIDDEN)
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
			schema = @Schema(implementation = UploadForm.class)))
	@ApiResponse(responseCode = "201", description = "已保存")
	@ApiResponse(responseCode = "400", ref = OpenApiDocument.BAD_REQUEST)
	@ApiResponse(responseCode = "401", ref = OpenApiDocument.UNAUTHORIZED)
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Uploaded> upload(MultipartHttpServletRequest request) throws IOException {
		// whoever records work or cases; auditors only read
		Caller.Staff staff = Caller.staffIn(request, Groups.CLEANING, Groups.ENGINEERING, Groups.SECURITY, Groups.MANAGEMENT,
				Groups.SERVICE_DESK, Groups.DUTY_OFFICER);
		MultipartFile file = request.getFile("file");
		String purpose = request.getParameter("purpose");
		if (purpose == null || !UploadTypes.ACCEPTED.containsKey(purpose)) {
			throw new InvalidRequestException("purpose", "必填，可选：" + String.join("、", UploadTypes.ACCEPTED.keySet()));
		}
		if (file == null || file.isEmpty()) {
			throw new InvalidRequestException("file", "必填：要上传的文件（multipart 的 file 部分）");
		}
		if (file.getSize() > UploadTypes.MAX_BYTES) {
			throw new InvalidRequestException("file", TOO_BIG);
		}
		byte[] content = file.getBytes();
		UploadTypes.FileType type = UploadTypes.recognise(content)
				.filter(UploadTypes.ACCEPTED.get(purpose)::contains)
				.orElseThrow(() -> new InvalidRequestException("file", "文件内容不是可接受的类型（" + UploadTypes.describe(purpose) + "）"));
		String name = file.getOriginalFilename();
		name = name == null || TextRules.problem(name, TextRules.Lines.ONE, 200) != null ? null : name;
		Uploads.Upload stored = uploads.store(purpose, type.contentType, name, content, staff.userId());
		return ResponseEntity.status(201).body(new Uploaded(stored.id(), stored.contentType(), stored.size(), stored.sha256()));
	}

	@Operation(summary = "下载上传的文件", description = "按保存的类型返回原文件（工作人员；调解证据只给客服、值班、管理层、审计和上传人）。")
	@GetMapping("/{id}")
	ResponseEntity<byte[]> download(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
		Caller.Staff staff = Caller.staff(request);
		Uploads.Content content = uploads.content(id).orElseThrow(() -> ProblemException.notFound("没有上传的文件 " + id));
		// a dispute's evidence is for the mediators (and auditors), not for every colleague who learns its number
		if ("evidence".equals(content.purpose()) && !staff.userId().equals(content.uploadedBy())
				&& !staff.isIn(Groups.SERVICE_DESK, Groups.DUTY_OFFICER, Groups.MANAGEMENT, Groups.AUDITOR)) {
			throw ProblemException.forbidden("调解证据只给调解人员（客服、值班、管理层）和审计查看");
		}
		// replaces the API's own headers: an image opened on its own runs nothing, even if a browser mistook it for a page
		response.setHeader("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox");
		response.setHeader("X-Content-Type-Options", "nosniff");
		// a shared phone keeps no photo after its user logs out
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(content.contentType()))
				.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
				.body(content.bytes());
	}

	/**
	 * Tomcat's limit on the request tripped before the parts reached this controller: the same answer as a big file,
	 * 400 naming the field, as every invalid request gets it.
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooBig(MaxUploadSizeExceededException e) {
		List<FieldProblem> problems = List.of(new FieldProblem("file", TOO_BIG));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, InvalidRequestException.describe(problems));
		problem.setTitle("请求无效");
		problem.setProperty("errors", problems);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
