# source: https://github.com/PAIR-code/saliency/issues/12  # known-miss: tf.gradients in graph mode of a node the target does not use; graph-mode gradients are not modelled
# reported: With PAIR's TF1 saliency library, GradientSaliency(graph, sess, y, images) built fine but GetMask failed with "TypeError: Fetch argument None has invalid type" from session.run(self.gradients_node): the gradients node was None because y did not depend on the tensor passed as x.
# observed (TF 2.21, graph mode): tf.gradients(y, x)[0] is None at line 28 (the model was built on a different placeholder than the one given as x); session.run(None) raises TypeError ("Argument `fetch` = None has invalid type") at line 38.
import numpy as np
import tensorflow as tf

tf1 = tf.compat.v1


class SaliencyMask(object):
    """Base class for saliency masks. Alone, this class doesn't do anything."""

    def __init__(self, graph, session, y, x):
        self.graph = graph
        self.session = session
        self.y = y
        self.x = x

    def GetMask(self, x_value, feed_dict={}):
        raise NotImplementedError('A derived class should implemented GetMask()')


class GradientSaliency(SaliencyMask):
    r"""A SaliencyMask class that computes saliency masks with a gradient."""

    def __init__(self, graph, session, y, x):
        super(GradientSaliency, self).__init__(graph, session, y, x)
        self.gradients_node = tf.gradients(y, x)[0]  # expect: TFG011

    def GetMask(self, x_value, feed_dict={}):
        """Returns a vanilla gradient mask.

        Args:
          x_value: Input value, not batched.
          feed_dict: (Optional) feed dictionary to pass to the session.run call.
        """
        feed_dict[self.x] = [x_value]
        return self.session.run(self.gradients_node, feed_dict=feed_dict)[0]  # expect: TFG004


def build_classifier(num_classes=4):
    """Builds the 4-class image classifier on its own input placeholder."""
    images = tf1.placeholder(tf.float32, shape=(None, 8, 8, 1), name='images')
    w = tf1.get_variable('conv_w', [3, 3, 1, 4], initializer=tf1.glorot_uniform_initializer())
    h = tf.nn.relu(tf.nn.conv2d(images, w, strides=1, padding='SAME'))
    h = tf.reduce_mean(h, axis=[1, 2])
    w2 = tf1.get_variable('dense_w', [4, num_classes], initializer=tf1.glorot_uniform_initializer())
    logits = tf.matmul(h, w2, name='logits')
    return images, logits


graph = tf.Graph()
with graph.as_default():
    _, logits = build_classifier()
    # the notebook's own input tensor for the saliency code
    images = tf1.placeholder(tf.float32, shape=(None, 8, 8, 1))
    neuron_selector = tf1.placeholder(tf.int32)
    y = logits[0][neuron_selector]
    sess = tf1.Session(graph=graph)
    sess.run(tf1.global_variables_initializer())

    im = np.random.rand(8, 8, 1).astype(np.float32)
    prediction_class = 2
    gradient_saliency = GradientSaliency(graph, sess, y, images)
    vanilla_mask_3d = gradient_saliency.GetMask(im, feed_dict={neuron_selector: prediction_class})
    print(vanilla_mask_3d.shape)
