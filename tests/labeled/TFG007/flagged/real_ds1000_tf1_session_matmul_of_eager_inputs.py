# source: https://huggingface.co/datasets/xlangai/DS-1000
# reported: DS-1000's TensorFlow problem taken from Stack Overflow, "How would you convert this Tensorflow 1.5 code to Tensorflow 2.3.0?": A and B come from tf.random.normal, then `with Session() as sess: result = sess.run(tf.reduce_sum(tf.matmul(A,B)))` throws "RuntimeError: Attempting to capture an EagerTensor without building a function."
# observed (TF 2.21): A and B are eager tensors made before the block; inside it the session's graph is the default graph, so tf.matmul(A, B) raises RuntimeError ("a: Attempting to capture an EagerTensor without building a function.") at line 20.
import time

import tensorflow as tf

try:
    Session = tf.Session
except AttributeError:
    Session = tf.compat.v1.Session

tf.random.set_seed(10)
N = 16
A = tf.random.normal([N, N])
B = tf.random.normal([N, N])

start = time.perf_counter()
with Session() as sess:
    product = tf.matmul(A, B)  # expect: TFG007
    result = sess.run(tf.reduce_sum(product))
print("sum", result, "in", time.perf_counter() - start, "s")
